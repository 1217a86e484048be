import clsx from 'clsx';
import type { ComponentProps } from 'react';
import './field.css';

/** A text-like input styled for the design system; put it inside a Field for its label. */
export function Input({ className, ...rest }: ComponentProps<'input'>) {
  return <input {...rest} className={clsx('input', className)} />;
}
