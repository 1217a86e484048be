import clsx from 'clsx';
import { CircleCheck, CircleStop, MessageSquare, Mic, MicOff, MonitorUp, PhoneOff, Settings2, Video, VideoOff } from 'lucide-react';
import type { ReactNode } from 'react';
import { MoreMenu } from './more-menu';
import type { MoreMenuItem } from './more-menu';

interface ControlButtonProps {
  label: string;
  caption: string;
  icon: ReactNode;
  onClick: () => void;
  pressed?: boolean;
  tone?: 'default' | 'off' | 'danger' | 'active';
  badge?: number;
  haspopup?: boolean;
  describedBy?: string;
  disabled?: boolean;
}

/** One big round button with its (visual) caption; the accessible name is `label`. */
function ControlButton({ label, caption, icon, onClick, pressed, tone = 'default', badge = 0, haspopup, describedBy, disabled }: ControlButtonProps) {
  return (
    <div className="call-control">
      <button
        type="button"
        className={clsx('call-btn', `call-btn-${tone}`)}
        aria-label={label}
        aria-pressed={pressed}
        aria-haspopup={haspopup ? 'dialog' : undefined}
        aria-describedby={describedBy}
        title={label}
        onClick={onClick}
        disabled={disabled}
      >
        {icon}
        {badge > 0 ? (
          <span className="call-btn-badge" aria-hidden="true">
            {badge > 9 ? '9+' : badge}
          </span>
        ) : null}
      </button>
      <span className="call-control-caption" aria-hidden="true">
        {caption}
      </span>
    </div>
  );
}

interface CallControlsProps {
  role: 'doctor' | 'patient';
  micOn: boolean;
  cameraOn: boolean;
  sharing: boolean;
  canShare: boolean;
  panelOpen: boolean;
  unread: number;
  onMic: () => void;
  onCamera: () => void;
  onShare: () => void;
  onDevices: () => void;
  onPanel: () => void;
  onLeave: () => void;
  onFinalize: () => void;
}

/**
 * The bar of big round buttons at the bottom of the call, within reach of a thumb, each with a
 * short caption; screen sharing and device choice wait behind "Mais".
 */
export function CallControls(props: CallControlsProps) {
  const { role, micOn, cameraOn, sharing, canShare, panelOpen, unread } = props;
  const moreItems: MoreMenuItem[] = [
    ...(canShare
      ? [
          {
            id: 'share',
            label: sharing ? 'Parar de compartilhar a tela' : 'Compartilhar a tela',
            icon: sharing ? <CircleStop aria-hidden="true" /> : <MonitorUp aria-hidden="true" />,
            onSelect: props.onShare,
          },
        ]
      : []),
    { id: 'devices', label: 'Trocar câmera ou microfone', icon: <Settings2 aria-hidden="true" />, onSelect: props.onDevices },
  ];
  return (
    <div className="call-controls" role="group" aria-label="Controles da chamada">
      <ControlButton
        label="Microfone"
        caption={micOn ? 'Microfone' : 'Mudo'}
        icon={micOn ? <Mic aria-hidden="true" /> : <MicOff aria-hidden="true" />}
        pressed={micOn}
        tone={micOn ? 'default' : 'off'}
        onClick={props.onMic}
      />
      <ControlButton
        label="Câmera"
        caption="Câmera"
        icon={cameraOn ? <Video aria-hidden="true" /> : <VideoOff aria-hidden="true" />}
        pressed={cameraOn}
        tone={cameraOn ? 'default' : 'off'}
        onClick={props.onCamera}
      />
      <ControlButton
        label="Conversa"
        caption="Conversa"
        icon={<MessageSquare aria-hidden="true" />}
        pressed={panelOpen}
        tone={panelOpen ? 'active' : 'default'}
        badge={panelOpen ? 0 : unread}
        describedBy={!panelOpen && unread > 0 ? 'chat-unread' : undefined}
        onClick={props.onPanel}
      />
      <MoreMenu items={moreItems} />
      <ControlButton
        label="Sair da chamada"
        caption="Sair"
        icon={<PhoneOff aria-hidden="true" />}
        tone="danger"
        haspopup={role === 'doctor'}
        onClick={props.onLeave}
      />
      {role === 'doctor' ? (
        <div className="call-control call-control-finalize">
          <button type="button" className="call-finalize" onClick={props.onFinalize} title="Finalizar consulta">
            <CircleCheck aria-hidden="true" />
            <span className="call-finalize-text">Finalizar consulta</span>
          </button>
          <span className="call-control-caption" aria-hidden="true">
            Finalizar
          </span>
        </div>
      ) : null}
      <span id="chat-unread" className="sr-only">
        {unread > 0 ? `${unread} ${unread === 1 ? 'mensagem nova' : 'mensagens novas'}` : ''}
      </span>
    </div>
  );
}
