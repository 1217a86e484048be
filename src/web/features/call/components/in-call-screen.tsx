import { firstNameOf } from '#shared/domain/person-name.ts';
import type { Room } from '#shared/schemas/rooms.ts';
import { Button } from '#web/components/ui/button.tsx';
import { Dialog } from '#web/components/ui/dialog.tsx';
import { BrandLine } from '#web/components/ui/footer.tsx';
import { supportsScreenShare } from '#web/features/call/media/local-media.ts';
import type { LocalMediaStore } from '#web/features/call/media/media-store.ts';
import { doctorAwayText } from '#web/features/call/model/away-text.ts';
import { CallBanners } from './call-banners';
import { CallControls } from './call-controls';
import { CallPanelContent } from './call-panel-content';
import { CallSidePanel } from './call-side-panel';
import { DeviceSelects } from './device-selects';
import { EndCallDialogs } from './end-call-dialogs';
import { CallHeader, statusOf } from './in-call';
import { RemoteView } from './remote-view';
import { SelfView } from './self-view';
import type { CallRoomController } from './use-call-room';

interface InCallScreenProps {
  call: CallRoomController;
  room: Room;
  role: 'doctor' | 'patient';
  me: { id: string; name: string };
  store: LocalMediaStore;
  onLeft: () => void;
}

/** The call itself: header, both videos, banners, the side panel, the controls and their dialogs. */
export function InCallScreen({ call, room, role, me, store, onLeft }: InCallScreenProps) {
  const { state, media, panel, endCall, sharing, peerName } = call;
  const peerState = state.peer?.state;
  const status = statusOf(role, peerName, peerState, state.link);

  return (
    <div className={panel.open ? 'call-stage call-stage-panel' : 'call-stage'} data-role={role}>
      <a href="#call-controls" className="skip-link">
        Pular para os controles da chamada
      </a>
      <CallHeader room={room} role={role} status={status} startedAt={state.startedAt} quality={call.quality.reading} />
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
          <CallBanners call={call} room={room} role={role} />
        </div>
        {panel.open ? (
          <CallSidePanel onClose={panel.close} wide={role === 'doctor'}>
            <CallPanelContent call={call} room={room} role={role} myUserId={me.id} />
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
          panelOpen={panel.chatVisible}
          unread={panel.unread}
          onMic={call.toggleMic}
          onCamera={call.toggleCamera}
          onShare={call.toggleShare}
          onDevices={call.devicesDialog.show}
          onPanel={panel.toggleChat}
          onLeave={role === 'doctor' ? () => endCall.setStep('hangup') : onLeft}
          onFinalize={endCall.askToFinalize}
        />
      </footer>
      {/* The brand, one quiet line under the controls (the stage's last grid row). */}
      <BrandLine />
      <p className="sr-only" aria-live="assertive">
        {call.announcement}
      </p>
      <Dialog
        open={call.devicesDialog.open}
        onClose={call.devicesDialog.hide}
        title="Câmera e som"
        description="Troque de aparelho sem sair da chamada."
        actions={
          <Button variant="secondary" onClick={call.devicesDialog.hide}>
            Concluir
          </Button>
        }
      >
        <DeviceSelects store={store} media={media} devices={call.devicesDialog.devices} />
      </Dialog>
      {role === 'doctor' ? (
        <EndCallDialogs
          step={endCall.step}
          patientName={room.patient.name}
          patientFirstName={firstNameOf(room.patient.name)}
          finalizing={endCall.finalizing}
          onClose={() => endCall.setStep(null)}
          onLeaveForNow={() => {
            endCall.setStep(null);
            onLeft();
          }}
          onChooseFinalize={() => {
            endCall.setStep(null);
            endCall.askToFinalize();
          }}
          onSignNow={endCall.signNow}
          onFinalize={endCall.finalize}
        />
      ) : null}
    </div>
  );
}
