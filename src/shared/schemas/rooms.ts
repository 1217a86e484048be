import { z } from 'zod';

/**
 * A room's code: 22 URL-safe characters of a 128-bit random value (at least 80 bits are required).
 * Anything else is refused before it reaches the database.
 */
export const roomCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { message: 'Código de sala inválido.' });
export const roomCodeParamSchema = z.object({ code: roomCodeSchema });

export const roomStatusSchema = z.enum(['open', 'finished', 'cancelled']);
export type RoomStatus = z.infer<typeof roomStatusSchema>;

export const createRoomInputSchema = z.object({
  patientId: z.uuid({ message: 'Escolha um paciente.' }),
  /** ISO instant; optional: a room can be for "now". */
  scheduledAt: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.iso.datetime({ offset: true, message: 'Data e hora inválidas.' }).optional()),
  reason: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.string().trim().max(200, { message: 'Motivo longo demais (até 200 letras).' }).optional(),
  ),
});
export type CreateRoomInput = z.input<typeof createRoomInputSchema>;

export const consultationSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  finalizedBy: z.enum(['doctor', 'auto']).nullable(),
});
export type Consultation = z.infer<typeof consultationSchema>;

export const roomSchema = z.object({
  code: z.string(),
  status: roomStatusSchema,
  reason: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** Absolute link to share with the patient. */
  joinUrl: z.string(),
  doctor: z.object({ id: z.string(), name: z.string(), crm: z.string(), specialty: z.string(), photoUrl: z.string().nullable() }),
  patient: z.object({ id: z.string(), name: z.string(), photoUrl: z.string().nullable() }),
  consultation: consultationSchema.nullable(),
  /** Live presence of the other side, as far as this server knows. */
  doctorOnline: z.boolean(),
  patientOnline: z.boolean(),
});
export type Room = z.infer<typeof roomSchema>;

export const roomListQuerySchema = z.object({ status: roomStatusSchema.optional(), patientId: z.uuid().optional() });
export const roomListSchema = z.array(roomSchema);

export const consentStatusSchema = z.object({
  currentVersion: z.string(),
  accepted: z.object({ version: z.string(), acceptedAt: z.string() }).nullable(),
  /** True when the patient must (re)accept before entering a call. */
  required: z.boolean(),
});
export type ConsentStatus = z.infer<typeof consentStatusSchema>;
export const acceptConsentInputSchema = z.object({ version: z.string().min(1).max(40) });

export const iceServersSchema = z.object({
  iceServers: z.array(z.object({ urls: z.union([z.string(), z.array(z.string())]), username: z.string().optional(), credential: z.string().optional() })),
  /** Seconds the TURN credentials stay valid. */
  ttlSeconds: z.number().int(),
});
export type IceServers = z.infer<typeof iceServersSchema>;

export const chatMessageSchema = z.object({
  id: z.string(),
  roomCode: z.string(),
  fromUserId: z.string(),
  fromName: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * GET /api/rooms/waiting — the doctor's patients waiting for them now (in the waiting room, or
 * back in an admitted call the doctor is not in), the longest waiting first. Live changes come
 * as the `waiting:changed` notice.
 */
export const waitingPatientSchema = z.object({ code: z.string(), patient: z.object({ id: z.string(), name: z.string() }), since: z.string() });
export type WaitingPatient = z.infer<typeof waitingPatientSchema>;
export const waitingPatientsSchema = z.object({ items: z.array(waitingPatientSchema) });
export type WaitingPatients = z.infer<typeof waitingPatientsSchema>;
