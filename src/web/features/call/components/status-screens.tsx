import { CalendarCheck, DoorOpen, LockKeyhole, RefreshCw, Timer, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import type { RoomClosedReason } from '#shared/realtime/events.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { ButtonLink } from '#web/components/ui/button-link.tsx';
import { formatDateTime } from '#web/lib/format-date.ts';
import { formatDuration } from '#web/lib/format-duration.ts';
import { RESET_CLOSED_TEXT, closedTitle } from '#web/features/call/model/closed-text.ts';
import { CallFrame } from './call-frame';
import { useCallSlots } from './call-slots';

function StatusCard({ icon, tone = 'info', title, children }: { icon: ReactNode; tone?: 'info' | 'danger' | 'success'; title: string; children?: ReactNode }) {
  return (
    <section className="call-status-card" aria-labelledby="call-status-title">
      <span className={`call-status-icon call-status-icon-${tone}`} aria-hidden="true">
        {icon}
      </span>
      <h1 id="call-status-title">{title}</h1>
      {children}
    </section>
  );
}

/** Someone who is not this room's doctor or patient (or a code that does not exist): nothing more. */
export function NoAccessScreen({ home }: { home: string }) {
  return (
    <CallFrame title="Sem acesso" home={home}>
      <StatusCard icon={<LockKeyhole />} tone="danger" title="Você não tem acesso a esta consulta.">
        <p>Confira se entrou com a sua conta. O link da consulta só funciona para o médico e o paciente dela.</p>
        <ButtonLink to={home} variant="primary">
          Ir para o início
        </ButtonLink>
      </StatusCard>
    </CallFrame>
  );
}

/** The room is closed: the patient is told to ask for a new room; the doctor gets a summary. */
export function EndedScreen({
  room,
  role,
  home,
  durationSeconds,
  reason,
}: {
  room: Room;
  role: 'doctor' | 'patient';
  home: string;
  durationSeconds?: number | null;
  reason?: RoomClosedReason | null;
}) {
  const slots = useCallSlots();
  const duration = room.consultation?.durationSeconds ?? durationSeconds ?? null;
  if (reason === 'reset') {
    return (
      <CallFrame title="Consulta encerrada" home={home}>
        <StatusCard icon={<CalendarCheck />} title={closedTitle(reason, false)}>
          <p>{RESET_CLOSED_TEXT}</p>
          <ButtonLink to={home} variant="primary">
            Voltar para o início
          </ButtonLink>
        </StatusCard>
      </CallFrame>
    );
  }
  if (role === 'patient') {
    return (
      <CallFrame title="Consulta encerrada" home={home}>
        <StatusCard icon={<CalendarCheck />} tone="success" title="A consulta foi encerrada.">
          <p>Se precisar falar com seu médico de novo, peça uma nova consulta.</p>
          <ButtonLink to={home} variant="primary">
            Voltar para o início
          </ButtonLink>
        </StatusCard>
      </CallFrame>
    );
  }
  const cancelled = room.status === 'cancelled';
  return (
    <CallFrame title="Consulta encerrada" home={home}>
      <StatusCard icon={<CalendarCheck />} tone="success" title={closedTitle(reason, cancelled)}>
        <div className="call-summary">
          <Avatar name={room.patient.name} photoUrl={room.patient.photoUrl} size="lg" />
          <dl>
            <div>
              <dt>Paciente</dt>
              <dd>{room.patient.name}</dd>
            </div>
            {room.consultation ? (
              <>
                <div>
                  <dt>Início</dt>
                  <dd>{formatDateTime(room.consultation.startedAt)}</dd>
                </div>
                <div>
                  <dt>Duração</dt>
                  <dd className="call-summary-duration">
                    <Timer aria-hidden="true" />
                    {duration !== null ? formatDuration(duration) : 'calculando…'}
                  </dd>
                </div>
              </>
            ) : (
              <div>
                <dt>Chamada</dt>
                <dd>{cancelled ? 'Cancelada antes da consulta' : 'Não houve chamada com o paciente'}</dd>
              </div>
            )}
          </dl>
        </div>
        <p>
          {room.consultation ? 'A consulta foi registrada e entra no faturamento do mês.' : 'Sem chamada, nada é faturado.'} Para uma nova consulta, abra outra
          sala.
        </p>
        {cancelled ? null : slots.draftNotice(room.code)}
        <div className="call-status-actions">
          <ButtonLink to={`/medico/pacientes/${room.patient.id}`} variant="secondary">
            Ver ficha do paciente
          </ButtonLink>
          <ButtonLink to="/medico/salas" variant="primary">
            Voltar para as consultas
          </ButtonLink>
        </div>
      </StatusCard>
    </CallFrame>
  );
}

/** After "Sair da chamada": the room stays open, so the person can come back. */
export function LeftScreen({ home, otherName, onRejoin }: { home: string; otherName: string; onRejoin: () => void }) {
  return (
    <CallFrame title="Você saiu da chamada" home={home}>
      <StatusCard icon={<DoorOpen />} title="Você saiu da chamada">
        <p>A consulta com {otherName} continua aberta até ser finalizada. Você pode voltar a ela quando quiser.</p>
        <div className="call-status-actions">
          <ButtonLink to={home} variant="secondary">
            Ir para o início
          </ButtonLink>
          <Button onClick={onRejoin} icon={<RefreshCw aria-hidden="true" />}>
            Voltar para a consulta
          </Button>
        </div>
      </StatusCard>
    </CallFrame>
  );
}

/** Something stopped the room from loading or joining. */
export function ProblemScreen({ home, title, message, onRetry }: { home: string; title: string; message: string; onRetry?: () => void }) {
  return (
    <CallFrame title={title} home={home}>
      <StatusCard icon={<TriangleAlert />} tone="danger" title={title}>
        <p>{message}</p>
        <div className="call-status-actions">
          <ButtonLink to={home} variant="secondary">
            Ir para o início
          </ButtonLink>
          {onRetry ? (
            <Button onClick={onRetry} icon={<RefreshCw aria-hidden="true" />}>
              Tentar de novo
            </Button>
          ) : null}
        </div>
      </StatusCard>
    </CallFrame>
  );
}
