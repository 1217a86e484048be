import { PageLoader } from './page-loader';
import { Spinner } from './spinner';

/**
 * A centred spinner with a message, announced politely to screen readers. `fullPage` is a whole
 * page waiting (no layout around it yet): then it carries the brand and the footer too.
 */
export function LoadingState({ label = 'Carregando…', fullPage = false, tone = 'light' }: { label?: string; fullPage?: boolean; tone?: 'light' | 'dark' }) {
  if (fullPage) return <PageLoader label={label} tone={tone} />;
  return (
    <div className="loading-state" role="status">
      <Spinner size="lg" />
      <span>{label}</span>
    </div>
  );
}
