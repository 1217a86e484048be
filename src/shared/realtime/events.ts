import { z } from 'zod';
import type { chatMessageSchema } from '#shared/schemas/rooms.ts';
import { roomCodeSchema } from '#shared/schemas/rooms.ts';

/**
 * The Socket.IO contract between browser and server. Every client payload is parsed with these
 * schemas on the server; replies use the same `{ok:true,data}|{ok:false,error}` shape as HTTP
 * errors (`{code,message}` in plain Portuguese).
 */
/**
 * An ack's error, or why the server refused or closed a socket. The server sends only the shared
 * `ErrorCode`s (../error-codes.ts), as in HTTP's `apiErrorSchema`; `code` stays a string here
 * because the web also builds one from a transport error it received.
 */
export type AckError = { code: string; message: string };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type AckFn<T> = (reply: Ack<T>) => void;

/** Presence of one person in one room. */
export const presenceStateSchema = z.enum(['offline', 'waiting', 'in_call', 'reconnecting', 'left']);
export type PresenceState = z.infer<typeof presenceStateSchema>;

const MAX_SDP = 100_000;
const MAX_CANDIDATE = 2_000;

export const sessionDescriptionSchema = z.object({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().max(MAX_SDP).optional(),
});
export const iceCandidateSchema = z.object({
  candidate: z.string().max(MAX_CANDIDATE),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

export const clientPayloads = {
  /** `chatAfter`: the time of the newest chat message this page already has (on a rejoin): only messages from then on come back. */
  'room:join': z.object({ code: roomCodeSchema, chatAfter: z.iso.datetime({ message: 'Data inválida.' }).optional() }),
  'room:leave': z.object({ code: roomCodeSchema }),
  'room:admit': z.object({ code: roomCodeSchema }),
  'room:finalize': z.object({ code: roomCodeSchema }),
  signal: z
    .object({ code: roomCodeSchema, description: sessionDescriptionSchema.optional(), candidate: iceCandidateSchema.nullable().optional() })
    .refine((s) => s.description !== undefined || s.candidate !== undefined, { message: 'Sinal vazio.' }),
  'call:connected': z.object({ code: roomCodeSchema }),
  'media:state': z.object({ code: roomCodeSchema, audio: z.boolean(), video: z.boolean(), screen: z.boolean() }),
  'chat:send': z.object({
    code: roomCodeSchema,
    text: z.string().trim().min(1, { message: 'Mensagem vazia.' }).max(2000, { message: 'Mensagem longa demais (até 2000 letras).' }),
  }),
} as const;
export type ClientPayload<E extends keyof typeof clientPayloads> = z.input<(typeof clientPayloads)[E]>;

/** What the server tells a member when they join a room. */
export type JoinResult = {
  role: 'doctor' | 'patient';
  /** Patients wait until the doctor admits them (and are admitted at once when they come back). */
  admitted: boolean;
  peer: { userId: string; name: string; state: PresenceState };
  consultationStartedAt: string | null;
  chat: z.infer<typeof chatMessageSchema>[];
};

export interface ClientToServerEvents {
  'room:join': (p: ClientPayload<'room:join'>, ack: AckFn<JoinResult>) => void;
  'room:leave': (p: ClientPayload<'room:leave'>, ack?: AckFn<null>) => void;
  'room:admit': (p: ClientPayload<'room:admit'>, ack: AckFn<null>) => void;
  'room:finalize': (p: ClientPayload<'room:finalize'>, ack: AckFn<{ durationSeconds: number | null }>) => void;
  signal: (p: ClientPayload<'signal'>, ack?: AckFn<null>) => void;
  'call:connected': (p: ClientPayload<'call:connected'>, ack?: AckFn<{ startedAt: string | null }>) => void;
  'media:state': (p: ClientPayload<'media:state'>, ack?: AckFn<null>) => void;
  'chat:send': (p: ClientPayload<'chat:send'>, ack: AckFn<z.infer<typeof chatMessageSchema>>) => void;
}

export interface ServerToClientEvents {
  /** The other member's presence changed. */
  presence: (p: { code: string; userId: string; role: 'doctor' | 'patient'; name: string; state: PresenceState }) => void;
  /** To the patient: the doctor let you in. To the doctor: echo, so several tabs agree. */
  'room:admitted': (p: { code: string }) => void;
  /**
   * To the member who was already in the call when the other one became ready: make the first
   * offer (MACHINE-NOTES: the newcomer answers, avoiding Chromium's offer-collision failure).
   */
  'call:start': (p: { code: string; initiator: boolean }) => void;
  signal: (p: {
    code: string;
    from: string;
    description?: z.infer<typeof sessionDescriptionSchema>;
    candidate?: z.infer<typeof iceCandidateSchema> | null;
  }) => void;
  'media:state': (p: { code: string; userId: string; audio: boolean; video: boolean; screen: boolean }) => void;
  'chat:message': (p: z.infer<typeof chatMessageSchema>) => void;
  'consultation:started': (p: { code: string; startedAt: string }) => void;
  /** The room closed for good: finalized, cancelled, finalized by the idle sweep, or ended by a database reset. */
  'room:closed': (p: { code: string; reason: RoomClosedReason }) => void;
  /** Sent before the server disconnects an offending socket. */
  'error:fatal': (p: AckError) => void;
  /**
   * App-wide notice (every signed-in page holds one connection): a payment moved. To the doctor
   * when the admin confirms or cancels it; to every admin when the doctor confirms or disputes.
   */
  'payment:changed': (p: PaymentNotice) => void;
  /**
   * App-wide notice to a doctor: a patient started or stopped waiting for them in one of their
   * rooms (arrived in the waiting room, left it, was let in, the room closed). The doctor's pages
   * show a banner and ring the chime; GET /api/rooms/waiting says who waits when a page loads.
   */
  'waiting:changed': (p: WaitingNotice) => void;
}

export type WaitingNotice = { code: string; patientId: string; patientName: string; waiting: boolean };

export type RoomClosedReason = 'finalized' | 'cancelled' | 'auto' | 'reset';

export type PaymentNotice = {
  paymentId: string;
  month: string;
  status: 'pending' | 'paid' | 'received' | 'disputed' | 'cancelled';
  doctorName: string;
  netCents: number;
};
