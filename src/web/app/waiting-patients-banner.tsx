import { useQueryClient } from '@tanstack/react-query';
import { BellRing, LogIn } from 'lucide-react';
import { useEffect } from 'react';
import { firstNameOf } from '#shared/domain/person-name.ts';
import type { WaitingNotice } from '#shared/realtime/events.ts';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { useWaitingPatients } from '#web/features/rooms/api/get-waiting-patients.ts';
import { useConnectionStatus, useSocketEvent } from '#web/lib/use-app-socket.ts';
import { setTitleAlert } from '#web/lib/use-document-title.ts';
import './waiting-patients-banner.css';

/** The call feature's "ding-dong", loaded when first needed: no page pays for it before a patient arrives. */
function ringChime(): void {
  import('#web/features/call/media/chime.ts').then(
    ({ playChime }) => playChime(),
    () => undefined,
  );
}

/** "José na sala de espera" or "3 pacientes na sala de espera", in front of the tab's title. */
function titleAlert(names: string[]): string | null {
  if (names.length === 0) return null;
  return names.length === 1 ? `${firstNameOf(names[0] ?? '')} na sala de espera` : `${names.length} pacientes na sala de espera`;
}

/**
 * On every page of a doctor (the call itself has its own waiting room): who is waiting for them
 * now, each with "Entrar agora". Asks the server when the page loads and whenever the tab's
 * connection comes back (a notice sent while it was down is missed), then follows the
 * `waiting:changed` notices: an arrival rings the chime; arrivals and departures refresh the rooms
 * (the home's live presence) and this list. The tab title says it too, for a doctor in another tab.
 */
export function WaitingPatientsBanner() {
  const queryClient = useQueryClient();
  const connection = useConnectionStatus().kind;
  const waiting = useWaitingPatients(true);
  const items = waiting.data?.items ?? [];

  useSocketEvent('waiting:changed', (notice: WaitingNotice) => {
    if (notice.waiting) ringChime();
    void queryClient.invalidateQueries({ queryKey: ['rooms'] });
  });

  const { refetch } = waiting;
  useEffect(() => {
    if (connection === 'online') void refetch();
  }, [connection, refetch]);

  const names = items.map((i) => i.patient.name);
  const alert = titleAlert(names);
  useEffect(() => {
    setTitleAlert(alert);
  }, [alert]);
  useEffect(() => () => setTitleAlert(null), []);

  // Always in the page, empty and without a box when nobody waits: a live region must exist
  // before its text changes for screen readers to read the arrival.
  return (
    <div className="waiting-banner" role="status" aria-label="Pacientes na sala de espera">
      {items.length > 0 ? (
        <ul className="waiting-banner-list">
          {items.map((item) => (
            <li key={item.code} className="waiting-banner-item">
              <span className="waiting-banner-icon" aria-hidden="true">
                <BellRing />
              </span>
              <p className="waiting-banner-text">
                <strong>{firstNameOf(item.patient.name)}</strong> está na sala de espera
              </p>
              <ButtonLink to={`/sala/${item.code}`} variant="primary" size="sm" icon={<LogIn aria-hidden="true" />}>
                Entrar agora<span className="sr-only"> com {item.patient.name}</span>
              </ButtonLink>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
