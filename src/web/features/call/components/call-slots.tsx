import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { Room } from '#shared/schemas/rooms.ts';

/**
 * What the call draws from other features, handed in by the page that composes it
 * (app/pages/call-page.tsx), so the call imports no other feature's components.
 */
export interface CallSlots {
  /** The doctor's notes in the side panel; `signRequest` grows when "Assinar agora" is pressed. */
  notes: (props: { room: Room; signRequest: number; onSignRequestTaken: () => void }) => ReactNode;
  /** On the doctor's end screen: the call's evolution is still an unsigned draft. */
  draftNotice: (roomCode: string) => ReactNode;
  /** Sends what is being typed in the notes now ("Finalizar consulta" waits for it). */
  saveNotes: () => Promise<unknown>;
}

const CallSlotsContext = createContext<CallSlots | null>(null);

export const CallSlotsProvider = CallSlotsContext.Provider;

export function useCallSlots(): CallSlots {
  const slots = useContext(CallSlotsContext);
  if (!slots) throw new Error('useCallSlots must be used inside <CallSlotsProvider> (app/pages/call-page.tsx)');
  return slots;
}
