import { CallVisit } from '#web/features/call/components/call-visit.tsx';
import type { CallSlots } from '#web/features/call/components/call-slots.tsx';
import { flushAllQueues } from '#web/features/records/components/autosave-registry.ts';
import { CallEvolutionPanel } from '#web/features/records/components/call-evolution-panel.tsx';
import { UnsignedDraftNotice } from '#web/features/records/components/unsigned-draft-notice.tsx';

/** Records' pieces in the call: the doctor's notes, the end screen's draft notice, saving before finalizing. */
const SLOTS: CallSlots = {
  notes: ({ room, signRequest, onSignRequestTaken }) => (
    <CallEvolutionPanel patientId={room.patient.id} roomCode={room.code} signRequest={signRequest} onSignRequestTaken={onSignRequestTaken} />
  ),
  draftNotice: (roomCode) => <UnsignedDraftNotice roomCode={roomCode} />,
  saveNotes: flushAllQueues,
};

/** /sala/:code: the call feature's visit (consent, pre-call, waiting room, call, end) with records' notes. */
export function CallPage() {
  return <CallVisit slots={SLOTS} />;
}
