import { z } from 'zod';
import { consultationKindSchema } from './consultations';
import { cursorPageOf } from './cursor';
import { isValidCid10, normalizeCid10 } from '#shared/domain/cid10.ts';
import { pageOf, pageQuerySchema } from './common';
import { consultationSchema, roomCodeSchema } from './rooms';

/*
 * Clinical records (PRODUCT.md F10, F11): evolution entries with diagnoses and prescription
 * items, the patient's record page, the patient's own history, printable documents and the
 * LGPD access log.
 *
 * Drafts are saved as typed (autosave runs while the doctor is mid-word), so the draft schemas
 * only bound lengths; `finalizeEvolutionCheckSchema` is the strict check a final entry passes.
 */

export const NOTE_MAX_CHARS = 20_000;
export const MAX_DIAGNOSES = 20;
export const MAX_PRESCRIPTION_ITEMS = 30;

const noteField = z
  .string()
  .max(NOTE_MAX_CHARS, { message: `Texto longo demais: o limite é de ${NOTE_MAX_CHARS.toLocaleString('pt-BR')} caracteres por campo.` })
  .default('');

/** The simple structure a doctor can fill or ignore; `notes` is the free text. */
export const evolutionContentSchema = z.object({
  complaint: noteField,
  history: noteField,
  exam: noteField,
  plan: noteField,
  notes: noteField,
});
export type EvolutionContent = z.infer<typeof evolutionContentSchema>;

const shortText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} longo demais (até ${max} caracteres).` })
    .default('');

export const diagnosisDraftSchema = z.object({
  code: z
    .string()
    .max(10, { message: 'Código CID-10 longo demais.' })
    .transform((s) => (s.trim() === '' ? '' : normalizeCid10(s)))
    .default(''),
  description: shortText(200, 'Descrição'),
});
export type DiagnosisDraft = z.input<typeof diagnosisDraftSchema>;

export const prescriptionItemDraftSchema = z.object({
  medicine: shortText(200, 'Medicamento'),
  dose: shortText(100, 'Dose'),
  route: shortText(60, 'Via'),
  frequency: shortText(100, 'Frequência'),
  duration: shortText(100, 'Duração'),
  instructions: shortText(500, 'Instruções'),
});
export type PrescriptionItemDraft = z.input<typeof prescriptionItemDraftSchema>;

function notBlank(o: Record<string, string>): boolean {
  return Object.values(o).some((v) => v.trim() !== '');
}

/** PUT /api/evolutions/:id — autosave of a draft. `version` guards against two tabs overwriting each other. */
export const saveEvolutionInputSchema = z.object({
  version: z.number().int().min(1),
  content: evolutionContentSchema,
  diagnoses: z
    .array(diagnosisDraftSchema.refine(notBlank, { message: 'Diagnóstico vazio: preencha ou remova a linha.' }))
    .max(MAX_DIAGNOSES, { message: `No máximo ${MAX_DIAGNOSES} diagnósticos por evolução.` })
    .default([]),
  prescriptions: z
    .array(prescriptionItemDraftSchema.refine(notBlank, { message: 'Item de receita vazio: preencha ou remova a linha.' }))
    .max(MAX_PRESCRIPTION_ITEMS, { message: `No máximo ${MAX_PRESCRIPTION_ITEMS} itens por receita.` })
    .default([]),
});
export type SaveEvolutionInput = z.input<typeof saveEvolutionInputSchema>;

/** What a final entry must satisfy (the server runs it on the stored draft at "Assinar"). */
export const finalizeEvolutionCheckSchema = z.object({
  content: evolutionContentSchema.refine((c) => notBlank(c), { message: 'Escreva a evolução antes de assinar.' }),
  diagnoses: z.array(
    z.object({
      code: z.string().refine(isValidCid10, { message: 'Código CID-10 inválido. Use o formato letra + dois números, ex.: J06.9.' }),
      description: z.string().trim().min(1, { message: 'Informe a descrição do diagnóstico.' }),
    }),
  ),
  prescriptions: z.array(
    z.object({
      medicine: z.string().trim().min(1, { message: 'Informe o medicamento.' }),
      dose: z.string().trim().min(1, { message: 'Informe a dose.' }),
      route: z.string(),
      frequency: z.string().trim().min(1, { message: 'Informe a frequência (ex.: de 8 em 8 horas).' }),
      duration: z.string(),
      instructions: z.string(),
    }),
  ),
});

/** POST /api/evolutions — a new draft. With `roomCode`, returns the doctor's entry for that call if one exists (the in-call editor). */
export const createEvolutionInputSchema = z.object({
  patientId: z.uuid({ message: 'Paciente inválido.' }),
  roomCode: roomCodeSchema.optional(),
  /** A correction (addendum) to this final entry. */
  amendsId: z.uuid({ message: 'Evolução inválida.' }).optional(),
});
export type CreateEvolutionInput = z.input<typeof createEvolutionInputSchema>;

export const finalizeEvolutionInputSchema = z.object({ version: z.number().int().min(1) });

/** DELETE /api/evolutions/:id?version=N — discards only the draft this tab last saw. */
export const discardEvolutionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

export const evolutionStatusSchema = z.enum(['draft', 'final']);
export const evolutionKindSchema = z.enum(['evolution', 'addendum']);

export const recordDoctorSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** "CRM/SP 123456" */
  crm: z.string(),
  specialty: z.string(),
});

export const evolutionSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  doctor: recordDoctorSchema,
  kind: evolutionKindSchema,
  /** The final entry this addendum corrects. */
  amendsId: z.string().nullable(),
  status: evolutionStatusSchema,
  roomCode: z.string().nullable(),
  consultation: consultationSchema.nullable(),
  content: evolutionContentSchema,
  diagnoses: z.array(z.object({ code: z.string(), description: z.string() })),
  prescriptions: z.array(
    z.object({ medicine: z.string(), dose: z.string(), route: z.string(), frequency: z.string(), duration: z.string(), instructions: z.string() }),
  ),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finalizedAt: z.string().nullable(),
  /** SHA-256 of the final content, shown on printed documents to detect tampering. */
  contentHash: z.string().nullable(),
});
export type Evolution = z.infer<typeof evolutionSchema>;

export const recordConsultationSchema = consultationSchema.extend({
  /** How it happened; one held in person or by phone has no room. */
  kind: consultationKindSchema,
  roomCode: z.string().nullable(),
  doctorName: z.string(),
  reason: z.string().nullable(),
  /** The doctor's note on a consultation registered outside the video room. */
  note: z.string().nullable(),
});
export type RecordConsultation = z.infer<typeof recordConsultationSchema>;

// Record lists are paged by the shared cursor in ./cursor (newest first, keyed on time and id).

export const recordRoomSchema = z.object({
  code: z.string(),
  status: z.enum(['open', 'finished', 'cancelled']),
  reason: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RecordRoom = z.infer<typeof recordRoomSchema>;

/**
 * Entries, a page at a time: newest first by creation, each entry followed by the addenda that
 * correct it (oldest first), so an entry and its corrections never land on different pages.
 */
export const evolutionPageSchema = cursorPageOf(evolutionSchema);
export type EvolutionPage = z.infer<typeof evolutionPageSchema>;
export const recordConsultationPageSchema = cursorPageOf(recordConsultationSchema);
export type RecordConsultationPage = z.infer<typeof recordConsultationPageSchema>;
export const recordRoomPageSchema = cursorPageOf(recordRoomSchema);
export type RecordRoomPage = z.infer<typeof recordRoomPageSchema>;

/**
 * GET /api/patients/:id/record — the doctor's one page about a patient, with the first page of
 * each list; GET /api/patients/:id/record/{evolutions,consultations,rooms}?cursor= give the next ones.
 */
export const patientRecordSchema = z.object({
  consent: z.object({ currentVersion: z.string(), accepted: z.object({ version: z.string(), acceptedAt: z.string() }).nullable() }),
  /** Consultations with any of the patient's doctors, newest first. */
  consultations: recordConsultationPageSchema,
  /** Final entries by any of the patient's doctors, plus this doctor's drafts. */
  evolutions: evolutionPageSchema,
  /** This doctor's rooms with the patient, newest first. */
  rooms: recordRoomPageSchema,
});
export type PatientRecord = z.infer<typeof patientRecordSchema>;
export const PATIENT_RECORD_LISTS = ['evolutions', 'consultations', 'rooms'] as const;
export type PatientRecordList = (typeof PATIENT_RECORD_LISTS)[number];

/** The patient's view: the doctor's note stays with the doctors. */
export const historyConsultationSchema = recordConsultationSchema.omit({ note: true }).extend({ doctor: recordDoctorSchema });
export type HistoryConsultation = z.infer<typeof historyConsultationSchema>;
export const historyConsultationPageSchema = cursorPageOf(historyConsultationSchema);
export type HistoryConsultationPage = z.infer<typeof historyConsultationPageSchema>;

/**
 * GET /api/me/history — a patient's own finished consultations and final entries, first page of
 * each; GET /api/me/history/{entries,consultations}?cursor= give the next ones.
 */
export const patientHistorySchema = z.object({
  consultations: historyConsultationPageSchema,
  entries: evolutionPageSchema,
});
export type PatientHistory = z.infer<typeof patientHistorySchema>;
export const PATIENT_HISTORY_LISTS = ['entries', 'consultations'] as const;
export type PatientHistoryList = (typeof PATIENT_HISTORY_LISTS)[number];

/** GET /api/evolutions/:id/addenda — the addenda that correct an entry, oldest first (the doctor's own drafts included). */
export const addendaSchema = z.object({ items: z.array(evolutionSchema) });
export type Addenda = z.infer<typeof addendaSchema>;

/** GET /api/rooms/:code/evolution — the doctor's entry for that call (draft or signed), or null. */
export const roomEvolutionSchema = z.object({ evolution: evolutionSchema.nullable() });
export type RoomEvolution = z.infer<typeof roomEvolutionSchema>;

export const documentKindSchema = z.enum(['prescription', 'evolution']);
export type DocumentKind = z.infer<typeof documentKindSchema>;
export const documentParamsSchema = z.object({ id: z.uuid({ message: 'Documento inválido.' }), kind: documentKindSchema });

/** GET /api/documents/:kind/:id — what a printed prescription or evolution shows (CFM 2.381/2024). */
export const printableDocumentSchema = z.object({
  kind: documentKindSchema,
  clinic: z.object({ name: z.string(), address: z.string().nullable() }),
  doctor: z.object({
    name: z.string(),
    crmNumber: z.string(),
    crmUf: z.string(),
    rqe: z.string().nullable(),
    specialty: z.string(),
    phone: z.string().nullable(),
    email: z.string(),
  }),
  patient: z.object({ name: z.string(), cpf: z.string().nullable(), birthDate: z.string().nullable() }),
  evolution: evolutionSchema,
  /** Addenda to this entry, oldest first (printed after it). */
  addenda: z.array(evolutionSchema),
  issuedAt: z.string(),
  /** The public page that confirms this document (doctor, date, hash), printed as a link and a QR code. */
  verificationUrl: z.string(),
});
export type PrintableDocument = z.infer<typeof printableDocumentSchema>;

/** Reads of the record, and the moments a doctor gained or lost access to it (linked by the admin). */
export const ACCESS_ACTIONS = ['record.view', 'evolution.view', 'document.view', 'history.view', 'access.granted', 'access.revoked'] as const;
export const accessActionSchema = z.enum(ACCESS_ACTIONS);
export type AccessAction = z.infer<typeof accessActionSchema>;

export const accessLogEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'doctor', 'patient']) }),
  patient: z.object({ id: z.string(), name: z.string() }),
  action: accessActionSchema,
  /** The evolution or document opened, when there is one. */
  resourceId: z.string().nullable(),
  /** On 'access.granted' / 'access.revoked': the doctor who gained or lost access. */
  subject: z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'doctor', 'patient']) }).nullable(),
  /** Shown to the admin only. */
  ip: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogSchema = pageOf(accessLogEntrySchema);
export type AccessLog = z.infer<typeof accessLogSchema>;

const dayField = z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ message: 'Data inválida.' }).optional());

/** GET /api/access-log (admin) filters; GET /api/me/access-log takes only the page. */
export const accessLogQuerySchema = pageQuerySchema.omit({ q: true }).extend({
  patientId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ message: 'Paciente inválido.' }).optional()),
  actorId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ message: 'Usuário inválido.' }).optional()),
  action: z.preprocess((v) => (v === '' ? undefined : v), accessActionSchema.optional()),
  /** Days in the clinic's time zone (America/Sao_Paulo), inclusive. */
  from: dayField,
  to: dayField,
});
export type AccessLogQuery = z.input<typeof accessLogQuerySchema>;

/** One of the doctor's unsigned entries, for "Evoluções para assinar" on their home. */
export const draftToSignSchema = z.object({
  id: z.string(),
  kind: evolutionKindSchema,
  patient: z.object({ id: z.string(), name: z.string() }),
  /** When the call it was written in started; null when written outside a call. */
  visitAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type DraftToSign = z.infer<typeof draftToSignSchema>;
/** GET /api/evolutions/drafts — the doctor's own unsigned drafts, newest first (`items` holds the first few, `total` counts them all). */
export const draftsToSignSchema = z.object({ total: z.number().int(), items: z.array(draftToSignSchema) });
export type DraftsToSign = z.infer<typeof draftsToSignSchema>;
