import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { firstNameOf } from '#shared/domain/person-name.ts';
import type { AckError, RoomClosedReason } from '#shared/realtime/events.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { useToast } from '#web/components/ui/toast-context.ts';
import { meQueryKey } from '#web/lib/get-me.ts';
import { useDocumentTitle } from '#web/lib/use-document-title.ts';
import { playChime } from '#web/features/call/media/chime.ts';
import type { LocalMediaStore } from '#web/features/call/media/media-store.ts';
import { useCallSlots } from './call-slots';
import { useCallPanel } from './use-call-panel';
import { useCallSession } from './use-call-session';
import { useConnectionQuality } from './use-connection-quality';
import { useEndCall } from './use-end-call';
import { useDevices, useMediaSnapshot } from './use-media';
import { useMediaToggles } from './use-media-toggles';

const POOR_FOR_AUDIO_ONLY_MS = 10_000;

export interface CallRoomOptions {
  room: Room;
  role: 'doctor' | 'patient';
  me: { id: string; name: string };
  store: LocalMediaStore;
  onClosed: (durationSeconds?: number | null, reason?: RoomClosedReason) => void;
  onConsentRequired: () => void;
}

/**
 * The call's controller: the session (signaling and media), our devices, the side panel, what
 * screen readers hear, and the doctor's way out. The screens only draw what it returns.
 */
export function useCallRoom({ room, role, me, store, onClosed, onConsentRequired }: CallRoomOptions) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const media = useMediaSnapshot(store);
  const panel = useCallPanel(role);
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [admitting, setAdmitting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [audioOnlyAnswered, setAudioOnlyAnswered] = useState(false);
  const devices = useDevices(devicesOpen);
  const peerName = role === 'doctor' ? room.patient.name : room.doctor.name;

  const session = useCallSession({
    code: room.code,
    myUserId: me.id,
    role,
    localTracks: () => ({ audio: store.microphone, video: store.outgoingVideo }),
    mediaState: () => {
      const s = store.getSnapshot();
      return { audio: s.microphone !== null && s.micOn, video: s.camera !== null, screen: s.screen !== null };
    },
    onPatientWaiting: (name) => {
      playChime();
      setAnnouncement(`${firstNameOf(name || room.patient.name)} está na sala de espera. Use o botão “Deixar entrar”.`);
    },
    onMessage: (message) => {
      if (!panel.chatVisibleRef.current) {
        panel.countUnread();
        setAnnouncement(`Nova mensagem de ${firstNameOf(message.fromName)}: ${message.text}`);
      }
    },
    // Passed on by the effect below, once the session's state says why the room closed.
    onClosed: () => undefined,
    onConsentRequired,
  });
  const { state, publishMedia } = session;
  const onClosedRef = useRef(onClosed);
  useEffect(() => {
    onClosedRef.current = onClosed;
  });
  useEffect(() => {
    if (state.phase === 'closed') onClosedRef.current(undefined, state.closedReason ?? undefined);
  }, [state.phase, state.closedReason]);

  // Our tracks changed (mute, camera, device, screen): swap what the connection sends.
  useEffect(() => {
    publishMedia({ audio: media.microphone, video: media.screen ?? media.camera });
  }, [publishMedia, media.microphone, media.camera, media.screen, media.micOn]);

  const inCall = state.phase === 'in_call';
  const quality = useConnectionQuality(session.getStats, inCall && state.link === 'connected');
  useDocumentTitle(inCall ? `Consulta com ${firstNameOf(peerName)}` : state.phase === 'waiting' ? 'Sala de espera' : 'Sala de consulta');

  // The session ended while in the room: the sign-in page brings the person back here.
  const unauthenticated = state.phase === 'failed' && state.error?.code === 'unauthenticated';
  useEffect(() => {
    if (unauthenticated) queryClient.setQueryData(meQueryKey, null);
  }, [unauthenticated, queryClient]);

  const toggles = useMediaToggles(store, toast);
  const { saveNotes } = useCallSlots();
  const endCall = useEndCall({
    code: room.code,
    toast,
    finalizeViaSocket: session.finalize,
    onFinalized: (seconds) => onClosed(seconds),
    openNotesToSign: panel.openNotesToSign,
    saveNotes,
  });

  const admit = () => {
    setAdmitting(true);
    session.admit().then(
      () => {
        setAdmitting(false);
        setAnnouncement(`${firstNameOf(room.patient.name)} entrou na consulta.`);
      },
      (error: AckError) => {
        setAdmitting(false);
        toast.notify(error.message, 'error');
      },
    );
  };

  const sharing = media.screen !== null;
  const audioOnly = {
    offered: !audioOnlyAnswered && media.camera !== null && !sharing && quality.poorForMs >= POOR_FOR_AUDIO_ONLY_MS,
    accept: () => {
      setAudioOnlyAnswered(true);
      void store.setCameraOn(false);
      toast.notify('Você está só com áudio. Ligue a câmera quando a conexão melhorar.', 'info');
    },
    dismiss: () => setAudioOnlyAnswered(true),
  };

  const devicesDialog = { open: devicesOpen, show: () => setDevicesOpen(true), hide: () => setDevicesOpen(false), devices };
  return { state, session, media, sharing, peerName, panel, quality, admit, admitting, announcement, audioOnly, devicesDialog, endCall, ...toggles };
}

export type CallRoomController = ReturnType<typeof useCallRoom>;
