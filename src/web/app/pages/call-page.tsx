import { CallVisit } from '../../features/call/components/call-visit';
import type { CallSlots } from '../../features/call/components/call-slots';
import { flushAllQueues } from '../../features/records/components/autosave-registry';
import { CallEvolutionPanel } from '../../features/records/components/call-evolution-panel';
import { UnsignedDraftNotice } from '../../features/records/components/unsigned-draft-notice';

/** Records' pieces in the call: the doctor's notes, the end screen's draft notice, saving before finalizing. */
const SLOTS: CallSlots = {
  notes: ({ room, signRequest, onSignRequestTaken }) => <CallEvolutionPanel patientId={room.patient.id} roomCode={room.code} signRequest={signRequest} onSignRequestTaken={onSignRequestTaken} />,
  draftNotice: (roomCode) => <UnsignedDraftNotice roomCode={roomCode} />,
  saveNotes: flushAllQueues,
};

/** /sala/:code: the call feature's visit (consent, pre-call, waiting room, call, end) with records' notes. */
export function CallPage() {
  return <CallVisit slots={SLOTS} />;
}
