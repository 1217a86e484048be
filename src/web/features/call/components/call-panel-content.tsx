import type { Room } from '#shared/schemas/rooms.ts';
import { CallPanelTabs } from './call-panel-tabs';
import { PatientSummary } from './call-side-panel';
import { useCallSlots } from './call-slots';
import { ChatPanel } from './chat-panel';
import type { CallRoomController } from './use-call-room';

/** Inside the side panel: the doctor's notes and chat in two tabs; the patient's chat alone. */
export function CallPanelContent({ call, room, role, myUserId }: { call: CallRoomController; room: Room; role: 'doctor' | 'patient'; myUserId: string }) {
  const { panel } = call;
  const slots = useCallSlots();
  const chat = (
    <ChatPanel messages={call.state.messages} myUserId={myUserId} draft={panel.draft} onDraftChange={panel.setDraft} onSend={call.session.sendChat} />
  );
  if (role !== 'doctor') return chat;
  return (
    <CallPanelTabs
      tab={panel.tab}
      onTab={panel.selectTab}
      unread={panel.unread}
      notes={
        <>
          <PatientSummary room={room} />
          {slots.notes({ room, signRequest: panel.signRequest, onSignRequestTaken: panel.signRequestTaken })}
        </>
      }
      chat={chat}
    />
  );
}
