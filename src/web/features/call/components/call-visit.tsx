import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { RoomClosedReason } from '#shared/realtime/events.ts';
import { roomCodeSchema } from '#shared/schemas/rooms.ts';
import { LoadingState } from '#web/components/ui/loading-state.tsx';
import { ApiError, messageOf } from '#web/lib/api-error.ts';
import { doctorTitle } from '#web/lib/doctor-title.ts';
import { roleHome } from '#web/lib/role-home.ts';
import { useMe } from '#web/lib/get-me.ts';
import { roomQueryKey, useRoom } from '#web/features/rooms/api/get-room.ts';
import { consentQueryKey, useConsent } from '#web/features/call/api/consent.ts';
import { LocalMediaStore } from '#web/features/call/media/media-store.ts';
import { CallFrame } from './call-frame';
import { CallRoom } from './call-room';
import { CallSlotsProvider } from './call-slots';
import type { CallSlots } from './call-slots';
import { ConsentStep } from './consent-step';
import { PrecallStep } from './precall-step';
import { EndedScreen, LeftScreen, NoAccessScreen, ProblemScreen } from './status-screens';

type Step = 'precall' | 'call' | 'left' | 'ended';

/**
 * /sala/:code, for the room's doctor and patient: load the room, consent (patient), pre-call
 * check, waiting room, the call, and the end. The camera and microphone live in one store for
 * the whole visit and are stopped when the call ends or the person leaves the page. What it draws
 * from other features comes in `slots` (app/pages/call-page.tsx).
 */
export function CallVisit({ slots }: { slots: CallSlots }) {
  return (
    <CallSlotsProvider value={slots}>
      <CallVisitSteps />
    </CallSlotsProvider>
  );
}

function CallVisitSteps() {
  const { code = '' } = useParams();
  const validCode = roomCodeSchema.safeParse(code).success;
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [store] = useState(() => new LocalMediaStore());
  const [step, setStep] = useState<Step>('precall');
  const [duration, setDuration] = useState<number | null | undefined>(undefined);
  const [closedReason, setClosedReason] = useState<RoomClosedReason | null>(null);
  const role = me?.user.role === 'doctor' ? 'doctor' : 'patient';
  const room = useRoom(code, { enabled: validCode, refetchMs: step === 'precall' ? 10_000 : undefined });
  const consent = useConsent(role === 'patient' && validCode && room.data?.status === 'open');

  useEffect(() => () => store.stopAll(), [store]);

  if (!me) return null;
  const home = roleHome(me.user.role);

  if (!validCode) return <NoAccessScreen home={home} />;
  if (room.isPending) {
    return (
      <CallFrame title="Sala de consulta" home={home}>
        <LoadingState label="Abrindo a consulta…" />
      </CallFrame>
    );
  }
  if (room.isError) {
    if (room.error instanceof ApiError && (room.error.status === 404 || room.error.code === 'no_access')) return <NoAccessScreen home={home} />;
    return <ProblemScreen home={home} title="Não foi possível abrir a consulta" message={messageOf(room.error)} onRetry={() => void room.refetch()} />;
  }

  const data = room.data;
  if (data.status !== 'open' || step === 'ended') return <EndedScreen room={data} role={role} home={home} durationSeconds={duration} reason={closedReason} />;

  if (role === 'patient') {
    if (consent.isPending) {
      return (
        <CallFrame title="Sala de consulta" home={home}>
          <LoadingState label="Abrindo a consulta…" />
        </CallFrame>
      );
    }
    if (consent.isError)
      return <ProblemScreen home={home} title="Não foi possível abrir a consulta" message={messageOf(consent.error)} onRetry={() => void consent.refetch()} />;
    if (consent.data.required) return <ConsentStep home={home} doctorName={doctorTitle(data.doctor.name)} />;
  }

  if (step === 'left') {
    return (
      <LeftScreen home={home} otherName={role === 'patient' ? 'seu médico' : (data.patient.name.split(' ')[0] ?? '')} onRejoin={() => setStep('precall')} />
    );
  }

  if (step === 'call') {
    return (
      <CallRoom
        room={data}
        role={role}
        me={{ id: me.user.id, name: me.user.name }}
        home={home}
        store={store}
        onLeft={() => {
          store.stopAll();
          setStep('left');
        }}
        onRetry={() => {
          store.stopAll();
          setStep('precall');
        }}
        onClosed={(seconds, reason) => {
          store.stopAll();
          if (seconds !== undefined) setDuration(seconds);
          if (reason) setClosedReason(reason);
          setStep('ended');
          // After a reset the room is gone with everything else: keep the clinic's message on screen.
          if (reason === 'reset') return;
          void queryClient.invalidateQueries({ queryKey: roomQueryKey(code) });
          void queryClient.invalidateQueries({ queryKey: ['rooms'] });
        }}
        onConsentRequired={() => {
          store.stopAll();
          setStep('precall');
          void queryClient.invalidateQueries({ queryKey: consentQueryKey });
        }}
      />
    );
  }

  return <PrecallStep store={store} room={data} role={role} myName={me.user.name} home={home} onJoin={() => setStep('call')} />;
}
