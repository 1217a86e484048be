import clsx from 'clsx';
import './spinner.css';

/** A grey shimmering placeholder with the rough shape of content that is loading. */
export function Skeleton({ width = '100%', height = '1rem', className }: { width?: string; height?: string; className?: string }) {
  return <span className={clsx('skeleton', className)} style={{ width, height }} aria-hidden="true" />;
}
