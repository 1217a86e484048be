import clsx from 'clsx';
import type { ReactNode } from 'react';
import './badge.css';

export type BadgeTone = 'success' | 'warning' | 'danger' | 'neutral' | 'info';

/** A small rounded status label with a coloured dot. */
export function Badge({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={clsx('badge', `badge-${tone}`, className)}>{children}</span>;
}
