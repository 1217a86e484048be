import clsx from 'clsx';
import { Spinner } from './spinner';

/** A centred spinner with a message, announced politely to screen readers. */
export function LoadingState({ label = 'Carregando…', fullPage = false }: { label?: string; fullPage?: boolean }) {
  return (
    <div className={clsx('loading-state', fullPage && 'loading-state-full')} role="status">
      <Spinner size="lg" />
      <span>{label}</span>
    </div>
  );
}
