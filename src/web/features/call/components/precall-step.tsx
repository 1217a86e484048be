import { CameraOff, LogIn, Mic, RefreshCw, ShieldCheck } from 'lucide-react';
import { useEffect } from 'react';
import { firstNameOf } from '#shared/domain/person-name.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { Alert } from '#web/components/ui/alert.tsx';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Spinner } from '#web/components/ui/spinner.tsx';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { formatDateTime } from '#web/lib/format-date.ts';
import { mediaProblemOf } from '#web/features/call/media/media-problem.ts';
import type { LocalMediaStore } from '#web/features/call/media/media-store.ts';
import { CallFrame } from './call-frame';
import { DeviceSelects } from './device-selects';
import { MicMeter } from './mic-meter';
import { useDevices, useMediaSnapshot } from './use-media';
import { VideoElement } from './video-element';
import './precall.css';

interface PrecallStepProps {
  store: LocalMediaStore;
  room: Room;
  role: 'doctor' | 'patient';
  myName: string;
  home: string;
  onJoin: () => void;
}

/** The pre-call check: camera preview, microphone level, device choice, then "Entrar na consulta". */
export function PrecallStep({ store, room, role, myName, home, onJoin }: PrecallStepProps) {
  const media = useMediaSnapshot(store);
  const devices = useDevices(`${Boolean(media.camera)}-${Boolean(media.microphone)}`);

  useEffect(() => {
    void store.open();
  }, [store]);

  const other = role === 'patient' ? doctorTitle(room.doctor.name) : room.patient.name;
  const otherOnline = role === 'patient' ? room.doctorOnline : room.patientOnline;
  const problems = [media.videoProblem, media.audioProblem].filter((p) => p !== null);
  // The same cause for both devices is explained once.
  const sameProblem =
    media.videoProblem && media.audioProblem && media.videoProblem.kind === media.audioProblem.kind
      ? media.videoProblem.cause !== undefined
        ? mediaProblemOf(media.videoProblem.cause, 'both')
        : media.videoProblem
      : null;
  const allGood = !media.opening && media.camera !== null && media.microphone !== null;

  const enter = (keep: 'both' | 'audio' | 'video' | 'none') => {
    if (keep === 'audio') store.release('camera');
    if (keep === 'video') store.release('microphone');
    if (keep === 'none') store.release('both');
    onJoin();
  };

  return (
    <CallFrame title="Antes de entrar" home={home} wide>
      <div className="precall">
        <section className="precall-preview" aria-labelledby="preview-title">
          <h2 id="preview-title" className="sr-only">
            Sua imagem
          </h2>
          <div className="precall-video">
            <VideoElement track={media.camera} muted className="video-mirrored" data-testid="local-video" aria-label="Prévia da sua câmera" />
            {media.camera ? null : (
              <div className="precall-video-placeholder">
                {media.opening ? (
                  <>
                    <Spinner size="lg" />
                    <p>Ligando câmera e microfone…</p>
                    <p className="precall-hint">Se o navegador perguntar, clique em “Permitir”.</p>
                  </>
                ) : (
                  <>
                    <Avatar name={myName} size="xl" />
                    <p>
                      <CameraOff aria-hidden="true" /> Câmera desligada
                    </p>
                  </>
                )}
              </div>
            )}
          </div>
          <MicMeter track={media.microphone} />
          <p className="precall-hint">{media.microphone ? 'Fale alguma coisa: a barra deve se mexer.' : 'Sem microfone, a outra pessoa não vai ouvir você.'}</p>
        </section>

        <section className="precall-panel" aria-labelledby="precall-title">
          <h1 id="precall-title">Tudo pronto para a consulta?</h1>
          <div className="precall-who">
            {role === 'patient' ? (
              <Avatar name={room.doctor.name} photoUrl={room.doctor.photoUrl} size="md" />
            ) : (
              <Avatar name={room.patient.name} photoUrl={room.patient.photoUrl} size="md" />
            )}
            <div>
              <p className="precall-who-name">{other}</p>
              <p className="precall-who-detail">
                {role === 'patient' ? `${room.doctor.crm} · ${room.doctor.specialty}` : (room.reason ?? 'Consulta por vídeo')}
                {room.scheduledAt ? ` · ${formatDateTime(room.scheduledAt)}` : ''}
              </p>
            </div>
          </div>
          <p className={otherOnline ? 'presence-line presence-line-online' : 'presence-line'} role="status">
            <span className="presence-line-dot" aria-hidden="true" />
            {role === 'patient'
              ? otherOnline
                ? `${other} já entrou na consulta`
                : `Aguardando ${other}`
              : otherOnline
                ? `${firstNameOf(room.patient.name)} já está na sala de espera`
                : `${firstNameOf(room.patient.name)} ainda não entrou`}
          </p>

          {problems.length > 0 ? (
            <div className="precall-problems">
              {sameProblem ? (
                <Alert tone="warning" title={sameProblem.title} live>
                  <p>{sameProblem.help}</p>
                </Alert>
              ) : (
                problems.map((p) => (
                  <Alert key={p.title} tone="warning" title={p.title} live>
                    <p>{p.help}</p>
                  </Alert>
                ))
              )}
            </div>
          ) : null}

          <div className="precall-actions">
            {media.opening ? null : allGood ? (
              <Button className="precall-enter" block icon={<LogIn aria-hidden="true" />} onClick={() => enter('both')}>
                Entrar na consulta
              </Button>
            ) : (
              <>
                <Button variant="secondary" block icon={<RefreshCw aria-hidden="true" />} onClick={() => void store.open()}>
                  Tentar de novo
                </Button>
                {media.microphone && !media.camera ? (
                  <Button block icon={<Mic aria-hidden="true" />} onClick={() => enter('audio')}>
                    Entrar só com áudio
                  </Button>
                ) : null}
                {media.camera && !media.microphone ? (
                  <Button block icon={<LogIn aria-hidden="true" />} onClick={() => enter('video')}>
                    Entrar sem microfone
                  </Button>
                ) : null}
                <Button variant="ghost" block className="precall-enter-none" onClick={() => enter('none')}>
                  Entrar sem câmera e sem microfone
                </Button>
              </>
            )}
          </div>
          <DeviceSelects store={store} media={media} devices={devices} />
          <p className="precall-privacy">
            <ShieldCheck aria-hidden="true" />
            <span>A chamada vai direto entre você e {role === 'patient' ? 'seu médico' : 'o paciente'}, com criptografia. Nada é gravado.</span>
          </p>
        </section>
      </div>
    </CallFrame>
  );
}
