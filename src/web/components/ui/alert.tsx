import clsx from 'clsx';
import { CircleAlert, CircleCheck, Info, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import './alert.css';

type AlertTone = 'info' | 'warning' | 'danger' | 'success';

const ICONS = { info: Info, warning: TriangleAlert, danger: CircleAlert, success: CircleCheck } as const;

interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Errors interrupt screen readers (role="alert"); other tones are read in passing. */
  live?: boolean;
}

/** A coloured message box for errors, warnings and notes. */
export function Alert({ tone = 'info', title, children, className, live = tone === 'danger' }: AlertProps) {
  const Icon = ICONS[tone];
  return (
    <div className={clsx('alert', `alert-${tone}`, className)} role={live ? 'alert' : undefined}>
      <Icon aria-hidden="true" />
      <div className="alert-body">
        {title ? <p className="alert-title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
