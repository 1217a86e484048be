import clsx from 'clsx';
import './spinner.css';

/** A decorative spinning ring; pair it with visible or sr-only text. */
export function Spinner({ size = 'md', className }: { size?: 'sm' | 'md' | 'lg'; className?: string }) {
  return <span className={clsx('spinner', `spinner-${size}`, className)} aria-hidden="true" />;
}
