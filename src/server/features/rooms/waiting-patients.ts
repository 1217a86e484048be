import type { PresenceState } from '#shared/realtime/events.ts';

/** A patient in one of a doctor's rooms, waiting for that doctor. */
export type WaitingEntry = { code: string; doctorId: string; patientId: string; patientName: string; since: string };

/**
 * Whether the patient of a room is waiting for the doctor, from both people's presence: in the
 * waiting room, or already admitted (they came back) while the doctor is not in the call. A
 * patient whose connection dropped keeps what they were (`wasWaiting`) until the grace period
 * ends: a network blip must not ring the doctor's chime twice.
 */
export function patientWaits(patient: PresenceState, doctor: PresenceState, wasWaiting: boolean): boolean {
  if (patient === 'reconnecting') return wasWaiting;
  if (patient === 'waiting') return true;
  return patient === 'in_call' && doctor !== 'in_call' && doctor !== 'reconnecting';
}

/**
 * The patients waiting for their doctor, per room, on this node: what the doctor's pages show
 * as "José está na sala de espera" wherever the doctor is (GET /api/rooms/waiting on load, the
 * `waiting:changed` notice afterwards).
 */
export class WaitingPatients {
  private readonly rooms = new Map<string, WaitingEntry>();

  has(code: string): boolean {
    return this.rooms.has(code);
  }

  /** Records the room's new answer; true when it changed (then, and only then, tell the doctor). */
  set(code: string, waiting: boolean, entry: Omit<WaitingEntry, 'code' | 'since'>, now: string): boolean {
    if (waiting === this.rooms.has(code)) return false;
    if (waiting) this.rooms.set(code, { code, since: now, ...entry });
    else this.rooms.delete(code);
    return true;
  }

  /** Forgets a closed room; returns who was waiting there, if anyone. */
  drop(code: string): WaitingEntry | undefined {
    const entry = this.rooms.get(code);
    this.rooms.delete(code);
    return entry;
  }

  /** Every waiting patient on this node. */
  all(): WaitingEntry[] {
    return [...this.rooms.values()];
  }

  /** One doctor's waiting patients, the longest waiting first. */
  forDoctor(doctorId: string): WaitingEntry[] {
    return [...this.rooms.values()].filter((e) => e.doctorId === doctorId).sort((a, b) => a.since.localeCompare(b.since));
  }
}
