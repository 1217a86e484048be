import { useQueryClient } from '@tanstack/react-query';
import { RefreshCw, TriangleAlert } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AckError, RoomClosedReason } from '../../../../shared/realtime/events';
import type { Room } from '../../../../shared/schemas/rooms';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { BrandLine } from '../../../components/ui/footer';
import { LoadingState } from '../../../components/ui/loading-state';
import { useToast } from '../../../components/ui/toast-context';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { meQueryKey } from '../../../lib/get-me';
import { finalizeRoom } from '../../rooms/api/finalize-room';
import { playChime } from '../media/chime';
import { supportsScreenShare } from '../media/local-media';
import type { LocalMediaStore } from '../media/media-store';
import { CallControls } from './call-controls';
import { CallFrame } from './call-frame';
import { getRoomEvolution, roomEvolutionQueryKey, unsignedDraftIn } from '../../records/api/get-room-evolution';
import { flushAllQueues } from '../../records/components/autosave-registry';
import { CallEvolutionPanel } from '../../records/components/call-evolution-panel';
import { doctorAwayText } from '../model/away-text';
import { CallPanelTabs } from './call-panel-tabs';
import type { PanelTab } from './call-panel-tabs';
import { CallSidePanel, PatientSummary } from './call-side-panel';
import { ChatPanel } from './chat-panel';
import { DeviceSelects } from './device-selects';
import { EndCallDialogs } from './end-call-dialogs';
import type { EndStep } from './end-call-dialogs';
import { firstNameOf } from '../../../../shared/domain/person-name';
import { AudioOnlyBanner, CallBanner, CallHeader, OfflineBanner, WaitingNotice, statusOf } from './in-call';
import { RemoteView } from './remote-view';
import { SelfView } from './self-view';
import { useCallSession } from './use-call-session';
import { useConnectionQuality } from './use-connection-quality';
import { useDevices, useMediaSnapshot } from './use-media';
import { WaitingRoom } from './waiting-room';
import './in-call.css';

const POOR_FOR_AUDIO_ONLY_MS = 10_000;
/** How long "Finalizar consulta" waits for the notes being typed to reach the server before asking about them. */
const DRAFT_SAVE_WAIT_MS = 5_000;

interface CallRoomProps {
  room: Room;
  role: 'doctor' | 'patient';
  me: { id: string; name: string };
  home: string;
  store: LocalMediaStore;
  onLeft: () => void;
  /** Back to the pre-call check, to try joining again. */
  onRetry: () => void;
  onClosed: (durationSeconds?: number | null, reason?: RoomClosedReason) => void;
  onConsentRequired: () => void;
}

/** The Portuguese message of an ack error or ApiError. */
function messageIn(error: unknown, fallback: string): string {
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' ? error.message : fallback;
}

function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(min-width: 1024px)').matches;
}

/** The room once the person pressed "Entrar na consulta": waiting room, or the call itself. */
export function CallRoom({ room, role, me, home, store, onLeft, onRetry, onClosed, onConsentRequired }: CallRoomProps) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const media = useMediaSnapshot(store);
  const [panelOpen, setPanelOpen] = useState(() => role === 'doctor' && wideScreen());
  // The doctor's panel has two tabs; the notes come first. The patient's panel is the chat alone.
  const [panelTab, setPanelTab] = useState<PanelTab>(role === 'doctor' ? 'notes' : 'chat');
  const chatVisible = panelOpen && panelTab === 'chat';
  const chatVisibleRef = useRef(chatVisible);
  const [unread, setUnread] = useState(0);
  const [draft, setDraft] = useState('');
  const [devicesOpen, setDevicesOpen] = useState(false);
  const [endStep, setEndStep] = useState<EndStep>(null);
  const checkingDraftRef = useRef(false);
  const [signRequest, setSignRequest] = useState(0);
  const [finalizing, setFinalizing] = useState(false);
  const [admitting, setAdmitting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [audioOnlyAnswered, setAudioOnlyAnswered] = useState(false);
  const devices = useDevices(devicesOpen);
  const peerName = role === 'doctor' ? room.patient.name : room.doctor.name;

  useEffect(() => {
    chatVisibleRef.current = chatVisible;
  }, [chatVisible]);

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
      if (!chatVisibleRef.current) {
        setUnread((n) => n + 1);
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

  const toggleMic = useCallback(() => {
    if (!store.microphone) {
      store.reopenMicrophone().catch(() => toast.notify(`${store.getSnapshot().audioProblem?.title ?? 'Não foi possível ligar o microfone'}. ${store.getSnapshot().audioProblem?.help ?? ''}`, 'error'));
      return;
    }
    store.setMicOn(!store.getSnapshot().micOn);
  }, [store, toast]);

  const toggleCamera = useCallback(() => {
    const on = store.getSnapshot().camera !== null;
    store.setCameraOn(!on).catch(() => toast.notify(`${store.getSnapshot().videoProblem?.title ?? 'Não foi possível ligar a câmera'}. ${store.getSnapshot().videoProblem?.help ?? ''}`, 'error'));
  }, [store, toast]);

  const toggleShare = () => {
    if (store.getSnapshot().screen) {
      store.stopScreenShare();
      return;
    }
    store.startScreenShare().catch((error: unknown) => {
      // Closing the browser's picker is not an error worth a message.
      if (error instanceof DOMException && error.name === 'NotAllowedError') return;
      toast.notify('Não foi possível compartilhar a tela.', 'error');
    });
  };

  /** "Conversa": shows the chat (switching the doctor's panel to it), or closes the panel when the chat is showing. */
  const togglePanel = () => {
    if (chatVisible) {
      setPanelOpen(false);
      return;
    }
    setPanelOpen(true);
    setPanelTab('chat');
    setUnread(0);
  };

  const selectTab = (tab: PanelTab) => {
    setPanelTab(tab);
    if (tab === 'chat') setUnread(0);
  };

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

  const finalize = () => {
    setFinalizing(true);
    // Through the socket when it is up; over HTTP when the realtime server is out of reach.
    const viaSocket = session.finalize().then((result) => result.durationSeconds);
    viaSocket
      .catch((error: AckError) => (error.code === 'offline' ? finalizeRoom(room.code).then((r) => r.consultation?.durationSeconds ?? null) : Promise.reject(error)))
      .then(
        (durationSeconds) => {
          setFinalizing(false);
          setEndStep(null);
          onClosed(durationSeconds);
        },
        (error: unknown) => {
          setFinalizing(false);
          toast.notify(messageIn(error, 'Não foi possível finalizar. Tente de novo.'), 'error');
        },
      );
  };

  /**
   * "Finalizar consulta": first save what is being typed and ask the server whether this call's
   * evolution is still an unsigned draft; if so, say so before the room closes for good.
   */
  const askToFinalize = () => {
    if (checkingDraftRef.current) return;
    checkingDraftRef.current = true;
    const saved = Promise.race([flushAllQueues(), new Promise((resolve) => setTimeout(resolve, DRAFT_SAVE_WAIT_MS))]);
    saved
      .then(() => queryClient.fetchQuery({ queryKey: roomEvolutionQueryKey(room.code), queryFn: ({ signal }) => getRoomEvolution(room.code, signal), staleTime: 0 }))
      .then(
        (result) => setEndStep(unsignedDraftIn(result) ? 'unsigned' : 'finalize'),
        // Not knowing must not stop the doctor from finalizing; the end screen checks again.
        () => setEndStep('finalize'),
      )
      .finally(() => {
        checkingDraftRef.current = false;
      });
  };

  const signNow = () => {
    setEndStep(null);
    setPanelOpen(true);
    setPanelTab('notes');
    setSignRequest((n) => n + 1);
  };

  if (state.phase === 'failed') {
    return (
      <CallFrame title="Não foi possível entrar" home={home}>
        <section className="call-status-card" aria-labelledby="join-failed-title">
          <span className="call-status-icon call-status-icon-danger" aria-hidden="true">
            <TriangleAlert />
          </span>
          <h1 id="join-failed-title">Não foi possível entrar na consulta</h1>
          <p>{state.error?.message ?? 'Tente de novo em instantes.'}</p>
          <Button onClick={onRetry} icon={<RefreshCw aria-hidden="true" />}>
            Tentar de novo
          </Button>
        </section>
      </CallFrame>
    );
  }

  if (state.phase === 'joining' || state.phase === 'closed') {
    return (
      <CallFrame title="Entrando na consulta" home={home}>
        {state.online || state.phase === 'closed' ? null : <OfflineBanner />}
        <LoadingState label="Entrando na consulta…" />
      </CallFrame>
    );
  }

  if (state.phase === 'waiting') {
    return (
      <WaitingRoom
        room={room}
        home={home}
        myName={me.name}
        media={media}
        doctorHere={state.peer?.state === 'in_call'}
        online={state.online}
        onToggleMic={toggleMic}
        onToggleCamera={toggleCamera}
        onLeave={onLeft}
      />
    );
  }

  const peerState = state.peer?.state;
  const status = statusOf(role, peerName, peerState, state.link);
  const sharing = media.screen !== null;
  const showAudioOnly = !audioOnlyAnswered && media.camera !== null && !sharing && quality.poorForMs >= POOR_FOR_AUDIO_ONLY_MS;

  return (
    <div className={panelOpen ? 'call-stage call-stage-panel' : 'call-stage'} data-role={role}>
      <a href="#call-controls" className="skip-link">
        Pular para os controles da chamada
      </a>
      <CallHeader room={room} role={role} status={status} startedAt={state.startedAt} quality={quality.reading} />
      <main className="call-body">
        <div className="call-videos">
          <RemoteView
            stream={state.remoteStream}
            media={state.remoteMedia}
            name={peerName}
            photoUrl={role === 'doctor' ? room.patient.photoUrl : room.doctor.photoUrl}
            present={peerState === 'in_call' || (state.link === 'connected' && peerState !== 'left')}
            note={role === 'patient' && peerState === 'left' ? doctorAwayText(room.doctor.name) : null}
            speakerId={media.speakerId}
          />
          <SelfView track={media.screen ?? media.camera} mirrored={!sharing} name={me.name} micOn={media.micOn} />
          <div className="call-banners">
            {state.online ? null : <OfflineBanner />}
            {state.notice ? (
              <CallBanner
                tone="alert"
                icon={<TriangleAlert />}
                action={
                  <Button size="sm" variant="ghost" className="call-banner-dismiss" onClick={session.dismissNotice}>
                    Fechar
                  </Button>
                }
              >
                <p>{state.notice}</p>
              </CallBanner>
            ) : null}
            {role === 'doctor' && peerState === 'waiting' ? <WaitingNotice name={room.patient.name} photoUrl={room.patient.photoUrl} admitting={admitting} onAdmit={admit} /> : null}
            {showAudioOnly ? (
              <AudioOnlyBanner
                onAccept={() => {
                  setAudioOnlyAnswered(true);
                  void store.setCameraOn(false);
                  toast.notify('Você está só com áudio. Ligue a câmera quando a conexão melhorar.', 'info');
                }}
                onDismiss={() => setAudioOnlyAnswered(true)}
              />
            ) : null}
          </div>
        </div>
        {panelOpen ? (
          <CallSidePanel onClose={() => setPanelOpen(false)} wide={role === 'doctor'}>
            {role === 'doctor' ? (
              <CallPanelTabs
                tab={panelTab}
                onTab={selectTab}
                unread={unread}
                notes={
                  <>
                    <PatientSummary room={room} />
                    <CallEvolutionPanel patientId={room.patient.id} roomCode={room.code} signRequest={signRequest} onSignRequestTaken={() => setSignRequest(0)} />
                  </>
                }
                chat={<ChatPanel messages={state.messages} myUserId={me.id} draft={draft} onDraftChange={setDraft} onSend={session.sendChat} />}
              />
            ) : (
              <ChatPanel messages={state.messages} myUserId={me.id} draft={draft} onDraftChange={setDraft} onSend={session.sendChat} />
            )}
          </CallSidePanel>
        ) : null}
      </main>
      <footer className="call-footer" id="call-controls" tabIndex={-1}>
        <CallControls
          role={role}
          micOn={media.micOn}
          cameraOn={media.camera !== null}
          sharing={sharing}
          canShare={supportsScreenShare()}
          panelOpen={chatVisible}
          unread={unread}
          onMic={toggleMic}
          onCamera={toggleCamera}
          onShare={toggleShare}
          onDevices={() => setDevicesOpen(true)}
          onPanel={togglePanel}
          onLeave={role === 'doctor' ? () => setEndStep('hangup') : onLeft}
          onFinalize={askToFinalize}
        />
      </footer>
      {/* The brand, one quiet line under the controls (the stage's last grid row). */}
      <BrandLine />
      <p className="sr-only" aria-live="assertive">
        {announcement}
      </p>
      <Dialog
        open={devicesOpen}
        onClose={() => setDevicesOpen(false)}
        title="Câmera e som"
        description="Troque de aparelho sem sair da chamada."
        actions={
          <Button variant="secondary" onClick={() => setDevicesOpen(false)}>
            Concluir
          </Button>
        }
      >
        <DeviceSelects store={store} media={media} devices={devices} />
      </Dialog>
      {role === 'doctor' ? (
        <EndCallDialogs
          step={endStep}
          patientName={room.patient.name}
          patientFirstName={firstNameOf(room.patient.name)}
          finalizing={finalizing}
          onClose={() => setEndStep(null)}
          onLeaveForNow={() => {
            setEndStep(null);
            onLeft();
          }}
          onChooseFinalize={() => {
            setEndStep(null);
            askToFinalize();
          }}
          onSignNow={signNow}
          onFinalize={finalize}
        />
      ) : null}
    </div>
  );
}
