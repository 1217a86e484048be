import { RefreshCw, TriangleAlert } from 'lucide-react';
import { Button } from '#web/components/ui/button.tsx';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { CallFrame } from './call-frame';
import { OfflineBanner } from './in-call';

/** The server refused the join (no access, session over, too many tabs): its words and a retry. */
export function JoinFailedScreen({ home, message, onRetry }: { home: string; message: string | undefined; onRetry: () => void }) {
  return (
    <CallFrame title="Não foi possível entrar" home={home}>
      <section className="call-status-card" aria-labelledby="join-failed-title">
        <span className="call-status-icon call-status-icon-danger" aria-hidden="true">
          <TriangleAlert />
        </span>
        <h1 id="join-failed-title">Não foi possível entrar na consulta</h1>
        <p>{message ?? 'Tente de novo em instantes.'}</p>
        <Button onClick={onRetry} icon={<RefreshCw aria-hidden="true" />}>
          Tentar de novo
        </Button>
      </section>
    </CallFrame>
  );
}

/** Joining the room (or just closed, while the page moves on to the end screen). */
export function JoiningScreen({ home, offline }: { home: string; offline: boolean }) {
  return (
    <CallFrame title="Entrando na consulta" home={home}>
      {offline ? <OfflineBanner /> : null}
      <LoadingState label="Entrando na consulta…" />
    </CallFrame>
  );
}
