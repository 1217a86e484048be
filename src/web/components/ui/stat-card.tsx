import clsx from 'clsx';
import type { ReactNode } from 'react';
import { Card } from './card';
import { useCountUp } from './use-count-up';
import './stat-card.css';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

interface StatCardProps {
  label: string;
  value: number;
  icon: ReactNode;
  hint?: ReactNode;
  tone?: 'blue' | 'cyan' | 'green' | 'amber';
  /** Formats the animated figure (e.g. as money); whole numbers by default. */
  format?: (value: number) => string;
}

const INTEGER = lazyIntl(() => new Intl.NumberFormat('pt-BR'));

/** A figure on a dashboard: label, a number that counts up, an icon. */
export function StatCard({ label, value, icon, hint, tone = 'blue', format = (v) => INTEGER.format(v) }: StatCardProps) {
  const shown = useCountUp(value);
  return (
    <Card as="article" interactive className={clsx('stat-card', `stat-card-${tone}`)}>
      <div>
        <h2 className="stat-card-label">{label}</h2>
        <strong className="stat-card-value">{format(shown)}</strong>
        {hint ? <p className="stat-card-hint">{hint}</p> : null}
      </div>
      <span className="stat-card-icon" aria-hidden="true">
        {icon}
      </span>
    </Card>
  );
}
