import { SignalHigh, SignalLow, SignalMedium, Timer, UserCheck, VideoOff, WifiOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { firstNameOf } from '#shared/domain/person-name.ts';
import type { PresenceState } from '#shared/realtime/events.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatClock } from '#web/lib/format-duration.ts';
import { QUALITY_LABELS } from '#web/features/call/media/connection-quality.ts';
import { doctorAwayStatus } from '#web/features/call/model/away-text.ts';
import type { QualityReading } from '#web/features/call/media/connection-quality.ts';
import type { LinkState } from '#web/features/call/media/call-peer-types.ts';
import { useNow } from './use-media';
import './in-call.css';

/** The line under the header: where the other person is, in plain words. */
export function statusOf(
  role: 'doctor' | 'patient',
  peerName: string,
  peerState: PresenceState | undefined,
  link: LinkState,
): { text: string; tone: 'ok' | 'warn' | 'idle' } {
  // The patient reads the doctor's name ("Dra. Helena Duarte", or "Dr(a). …" when the clinic wrote no title), never "seu médico … ele".
  const first = role === 'doctor' ? firstNameOf(peerName) : doctorTitle(peerName);
  // Media still flowing is what the person sees and hears, whatever the server last told us
  // (after a server restart the other side may not have rejoined signaling yet).
  if (link === 'connected' && peerState !== 'left') return { text: 'Conectado', tone: 'ok' };
  switch (peerState) {
    case undefined:
    case 'offline':
      return { text: role === 'doctor' ? `Aguardando ${first} entrar` : `Aguardando ${first}`, tone: 'idle' };
    case 'waiting':
      return { text: role === 'doctor' ? 'Aguardando você deixar entrar' : `${first} está na sala de espera`, tone: 'warn' };
    case 'left':
      // The doctor left on purpose without finalizing ("Sair por enquanto"): the room is open and she comes back.
      return role === 'doctor' ? { text: `${first} saiu da chamada`, tone: 'idle' } : { text: doctorAwayStatus(peerName), tone: 'warn' };
    case 'reconnecting':
      return { text: 'Reconectando…', tone: 'warn' };
    case 'in_call':
      if (link === 'connected') return { text: 'Conectado', tone: 'ok' };
      if (link === 'reconnecting') return { text: 'Reconectando…', tone: 'warn' };
      return { text: 'Conectando…', tone: 'warn' };
  }
}

/** Header of the call: who, status, running time and connection quality. */
export function CallHeader({
  room,
  role,
  status,
  startedAt,
  quality,
}: {
  room: Room;
  role: 'doctor' | 'patient';
  status: { text: string; tone: string };
  startedAt: string | null;
  quality: QualityReading | null;
}) {
  const now = useNow(startedAt !== null);
  const elapsed = startedAt ? (now - Date.parse(startedAt)) / 1000 : 0;
  const other = role === 'patient' ? room.doctor : room.patient;
  const QualityIcon = quality?.level === 'good' ? SignalHigh : quality?.level === 'unstable' ? SignalMedium : SignalLow;
  return (
    <header className="call-header">
      <div className="call-header-who">
        <Avatar name={other.name} photoUrl={other.photoUrl} size="md" />
        <div className="call-header-text">
          {role === 'patient' ? (
            <h1>
              {doctorTitle(room.doctor.name)}
              <span className="call-header-sep"> · </span>
              <span className="call-header-sub">
                {room.doctor.crm} · {room.doctor.specialty}
              </span>
            </h1>
          ) : (
            <h1>
              {room.patient.name}
              <span className="call-header-sep"> · </span>
              <span className="call-header-sub">{room.reason ?? 'Consulta por vídeo'}</span>
            </h1>
          )}
          <p className={`call-status call-status-${status.tone}`} role="status">
            <span className="call-status-dot" aria-hidden="true" />
            {status.text}
          </p>
        </div>
      </div>
      <div className="call-header-meta">
        {startedAt ? (
          <p className="call-chip call-timer">
            <Timer aria-hidden="true" />
            <span className="sr-only">Duração da consulta: </span>
            <time>{formatClock(elapsed)}</time>
          </p>
        ) : null}
        {quality?.level ? (
          <p
            className={`call-chip call-quality call-quality-${quality.level}`}
            title={[quality.rttMs !== null ? `Atraso: ${quality.rttMs} ms` : null, quality.lossPercent !== null ? `Perda: ${quality.lossPercent}%` : null]
              .filter(Boolean)
              .join(' · ')}
          >
            <QualityIcon aria-hidden="true" />
            <span className="sr-only">Qualidade da conexão: </span>
            <span>{QUALITY_LABELS[quality.level]}</span>
          </p>
        ) : null}
      </div>
    </header>
  );
}

/** A strip over the video area (server connection lost, poor quality, the patient waiting). */
export function CallBanner({
  tone = 'info',
  icon,
  children,
  action,
}: {
  tone?: 'info' | 'warn' | 'alert';
  icon: ReactNode;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={`call-banner call-banner-${tone}`}>
      <span className="call-banner-icon" aria-hidden="true">
        {icon}
      </span>
      <div className="call-banner-text">{children}</div>
      {action ? <div className="call-banner-action">{action}</div> : null}
    </div>
  );
}

export function OfflineBanner() {
  return (
    <CallBanner tone="warn" icon={<WifiOff />}>
      <p role="status">Conexão com o servidor perdida. Reconectando…</p>
    </CallBanner>
  );
}

export function WaitingNotice({ name, photoUrl, admitting, onAdmit }: { name: string; photoUrl: string | null; admitting: boolean; onAdmit: () => void }) {
  return (
    <div className="waiting-notice">
      <Avatar name={name} photoUrl={photoUrl} size="lg" />
      <div className="waiting-notice-text">
        <p className="waiting-notice-title">{firstNameOf(name)} está na sala de espera</p>
        <p>Deixe entrar quando estiver pronto(a).</p>
      </div>
      <Button onClick={onAdmit} loading={admitting} icon={<UserCheck aria-hidden="true" />} className="waiting-notice-button">
        Deixar entrar
      </Button>
    </div>
  );
}

export function AudioOnlyBanner({ onAccept, onDismiss }: { onAccept: () => void; onDismiss: () => void }) {
  return (
    <CallBanner
      tone="warn"
      icon={<VideoOff />}
      action={
        <>
          <Button size="sm" onClick={onAccept}>
            Mudar para só áudio
          </Button>
          <Button size="sm" variant="ghost" className="call-banner-dismiss" onClick={onDismiss}>
            Agora não
          </Button>
        </>
      }
    >
      <p>
        <strong>A conexão está ruim.</strong> Desligar sua câmera deixa a voz mais clara.
      </p>
    </CallBanner>
  );
}
