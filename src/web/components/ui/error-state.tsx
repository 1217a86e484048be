import { RefreshCw, TriangleAlert } from 'lucide-react';
import { Button } from './button';
import './empty-state.css';

interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load: what went wrong, in plain words, and a "Tentar de novo" button. */
export function ErrorState({ title = 'Não foi possível carregar', message, onRetry, retrying = false }: ErrorStateProps) {
  return (
    <div className="empty-state error-state" role="alert">
      <span className="empty-state-icon" aria-hidden="true">
        <TriangleAlert />
      </span>
      <h2>{title}</h2>
      <p>{message}</p>
      {onRetry ? (
        <div className="empty-state-action">
          <Button variant="secondary" onClick={onRetry} loading={retrying} icon={<RefreshCw aria-hidden="true" />}>
            Tentar de novo
          </Button>
        </div>
      ) : null}
    </div>
  );
}
