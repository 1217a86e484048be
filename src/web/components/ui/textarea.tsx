import clsx from 'clsx';
import type { ComponentProps } from 'react';
import './field.css';

/** A multi-line text box with the design-system look; it grows with its text where the browser can. */
export function Textarea({ className, ...rest }: ComponentProps<'textarea'>) {
  return <textarea {...rest} className={clsx('input', 'textarea', className)} />;
}
