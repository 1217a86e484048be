import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/*
 * Column conventions, the same on SQLite and PostgreSQL (see docs/decisions/002):
 * ids are UUID text; instants are ISO-8601 UTC text ("2026-11-28T16:00:00.000Z"), which sorts
 * and compares correctly as text; money is integer centavos; states are text enums.
 */

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'doctor' | 'patient';
  status: 'active' | 'inactive';
  password_hash: string | null;
  /** Bumped on every photo change, so photo URLs can be cached forever. */
  photo_version: number | null;
  created_at: string;
  updated_at: string;
  /**
   * Folded name and e-mail (`userSearchText()` in src/shared/domain/search-text.ts), indexed for
   * search. Required on insert so no writer can forget it; users.repository's updateUser keeps it.
   */
  search_text: string;
}

export interface DoctorProfilesTable {
  user_id: string;
  crm_number: string;
  crm_uf: string;
  rqe: string | null;
  specialty: string;
  phone: string | null;
  pix_key_type: 'cpf' | 'cnpj' | 'email' | 'phone' | 'evp' | null;
  pix_key: string | null;
  /** Where the doctor lives or works: the receiver city of their PIX BR Codes. Saved with city_uf. */
  city: ColumnType<string | null, string | null | undefined, string | null>;
  city_uf: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: string;
}

export interface PatientProfilesTable {
  user_id: string;
  cpf: string | null;
  birth_date: string | null;
  phone: string | null;
  updated_at: string;
}

export interface DoctorPatientsTable {
  doctor_id: string;
  patient_id: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** A single-use link to set a password; only the token's hash is kept. */
export interface TokenLinksTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

/** An invite: the first password of an account. */
export type InvitesTable = TokenLinksTable;

/** A link to choose a new password. created_by null: asked for by e-mail. */
export type PasswordResetsTable = TokenLinksTable;

export interface PhotosTable {
  user_id: string;
  data: Uint8Array;
  mime: string;
  width: number;
  height: number;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON text: what changed, never secrets. */
  details: string | null;
  ip: string | null;
  created_at: string;
}

export interface LoginThrottleTable {
  /** "ip:<address>", counted per fixed window so several nodes share one limit. */
  key: string;
  window_start: string;
  count: number;
}

export interface RoomsTable {
  id: string;
  /** 128-bit random, base64url; the only handle a browser ever sees. */
  code: string;
  doctor_id: string;
  patient_id: string;
  status: 'open' | 'finished' | 'cancelled';
  reason: string | null;
  scheduled_at: string | null;
  /** When the doctor first let the patient in; a returning patient is admitted at once. */
  admitted_at: string | null;
  /** Last time a member was connected; drives the automatic finalization of abandoned calls. */
  last_activity_at: string;
  created_at: string;
  closed_at: string | null;
}

export type ConsultationKind = 'video' | 'in_person' | 'phone';

export interface ConsultationsTable {
  id: string;
  /** The video room it happened in; null for a consultation held in person or by phone. */
  room_id: string | null;
  doctor_id: string;
  patient_id: string;
  started_at: string;
  ended_at: string | null;
  duration_seconds: number | null;
  finalized_by: 'doctor' | 'auto' | null;
  /** When each side reported media connected (`call:connected`): evidence the call happened. */
  doctor_connected_at: string | null;
  patient_connected_at: string | null;
  /** 'video' always has its room; 'in_person' and 'phone' are registered by the doctor, without one. */
  kind: ColumnType<ConsultationKind, ConsultationKind | undefined, never>;
  /** The doctor's short note about a consultation held outside the video room. */
  note: ColumnType<string | null, string | null | undefined, never>;
}

/** The clinic's fees: one row, id 'clinic'. */
export interface FeeSettingsTable {
  id: 'clinic';
  price_cents: number;
  /** The clinic's share in basis points (20 % = 2000). */
  clinic_bps: number;
  /** Consultations shorter than this wait for the admin ("Em análise"). */
  review_below_seconds: number;
  updated_at: string;
  updated_by: string | null;
}

/** A doctor's own fees; null means the clinic's value. */
export interface DoctorFeesTable {
  doctor_id: string;
  price_cents: number | null;
  clinic_bps: number | null;
  updated_at: string;
  updated_by: string | null;
}

export type FeeField = 'price_cents' | 'clinic_bps' | 'review_below_seconds';

/** Append-only history of fee changes; doctor_id null = the clinic's fees. */
export interface FeeChangesTable {
  id: string;
  doctor_id: string | null;
  field: FeeField;
  old_value: number | null;
  new_value: number | null;
  changed_by: string | null;
  changed_at: string;
}

export type BillingStatus = 'billed' | 'under_review' | 'rejected' | 'voided';

/** One per finished consultation, freezing the fees of the moment it finished. */
export interface BillingRecordsTable {
  id: string;
  consultation_id: string;
  doctor_id: string;
  patient_id: string;
  kind: 'video' | 'in_person' | 'phone';
  finished_at: string;
  /** YYYY-MM of finished_at in America/Sao_Paulo, stored so no server zone can move it. */
  month: string;
  duration_seconds: number | null;
  price_cents: number;
  clinic_bps: number;
  clinic_cents: number;
  doctor_cents: number;
  status: BillingStatus;
  /** 'backfill': a consultation that finished before billing existed, at the default fee. */
  fee_source: 'fees' | 'backfill';
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  /** The payment this record is locked to by a monthly closing; null while open. */
  payment_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export type PaymentStatus = 'pending' | 'paid' | 'received' | 'disputed' | 'cancelled';

/** Each "Fechar mês": seq 1 is the month's first closing, 2+ supplementary ones. */
export interface ClosingsTable {
  id: string;
  month: string;
  seq: number;
  created_by: string | null;
  created_at: string;
}

/** One doctor's payment of one closing: totals and a snapshot of who and where to pay. */
export interface PaymentsTable {
  id: string;
  closing_id: string;
  month: string;
  doctor_id: string;
  status: PaymentStatus;
  consultations: number;
  gross_cents: number;
  clinic_cents: number;
  net_cents: number;
  doctor_name: string;
  crm_number: string;
  crm_uf: string;
  pix_key_type: 'cpf' | 'cnpj' | 'email' | 'phone' | 'evp' | null;
  pix_key: string | null;
  /** The day the admin says the transfer was made (YYYY-MM-DD). */
  paid_on: string | null;
  pix_e2e_id: string | null;
  paid_note: string | null;
  received_at: string | null;
  dispute_message: string | null;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** Which records a payment held; kept when a cancellation releases them. */
export interface PaymentRecordsTable {
  payment_id: string;
  billing_record_id: string;
}

/** Every database reset, kept across resets (no foreign keys): who, when, what was erased, the backup made first. */
export interface ResetLogTable {
  id: string;
  status: 'running' | 'done' | 'failed';
  actor_id: string;
  actor_name: string;
  actor_email: string;
  started_at: string;
  finished_at: string | null;
  /** JSON text: rows erased per table. */
  counts: string | null;
  backup_name: string | null;
  backup_sha256: string | null;
  error: string | null;
}

/** Append-only: every transition and snapshot refresh of a payment. */
export interface PaymentEventsTable {
  id: string;
  payment_id: string;
  action: 'created' | 'paid' | 'received' | 'disputed' | 'cancelled' | 'pix_key_refreshed';
  from_status: PaymentStatus | null;
  to_status: PaymentStatus;
  actor_id: string | null;
  at: string;
  note: string | null;
  /** JSON text. */
  details: string | null;
}

/**
 * Billing totals per (São Paulo month, doctor, status), kept by triggers on billing_records in the
 * same transaction as each write (ADR 009). Read-only for the app.
 */
export interface BillingTotalsTable {
  month: string;
  doctor_id: string;
  status: BillingStatus;
  consultations: number;
  price_cents: number;
  clinic_cents: number;
  doctor_cents: number;
}

/** The clinic's billing totals per (São Paulo month, status), kept like billing_totals (ADR 009). */
export type BillingMonthTotalsTable = Omit<BillingTotalsTable, 'doctor_id'>;

export interface ConsentsTable {
  id: string;
  patient_id: string;
  version: string;
  accepted_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ChatMessagesTable {
  id: string;
  room_id: string;
  from_user_id: string;
  text: string;
  sent_at: string;
}

/** The random code of a signed document's public verification link; one per entry, made at first print. */
export interface DocumentVerificationsTable {
  code: string;
  evolution_id: string;
  created_at: string;
}

export interface EvolutionsTable {
  id: string;
  patient_id: string;
  doctor_id: string;
  /** The call this entry was written in (its consultation is found through the room). */
  room_id: string | null;
  kind: 'evolution' | 'addendum';
  /** The final entry an addendum corrects. */
  amends_id: string | null;
  /** Never deleted: a discarded draft keeps its row; a final entry is never updated. */
  status: 'draft' | 'final' | 'discarded';
  complaint: string;
  history: string;
  exam: string;
  plan: string;
  notes: string;
  /** Bumped on every draft save; a save with an older version is refused (two tabs). */
  version: number;
  /** SHA-256 of the final content (hex), set once at finalization. */
  content_hash: string | null;
  created_at: string;
  updated_at: string;
  finalized_at: string | null;
  discarded_at: string | null;
}

export interface EvolutionDiagnosesTable {
  id: string;
  evolution_id: string;
  position: number;
  /** Canonical CID-10, e.g. "J06.9". */
  code: string;
  description: string;
}

export interface PrescriptionItemsTable {
  id: string;
  evolution_id: string;
  position: number;
  medicine: string;
  dose: string;
  route: string;
  frequency: string;
  duration: string;
  instructions: string;
}

export interface RecordAccessLogTable {
  id: string;
  actor_id: string;
  patient_id: string;
  action: 'record.view' | 'evolution.view' | 'document.view' | 'history.view' | 'access.granted' | 'access.revoked';
  resource_id: string | null;
  /** For 'access.granted' / 'access.revoked': the doctor who gained or lost access. */
  subject_id: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
}

/** Users per role and status, kept by database triggers (migration 2026-12-01T09-00-list-search). */
export interface UserCountsTable {
  role: UsersTable['role'];
  status: UsersTable['status'];
  n: number;
}

export interface Database {
  users: UsersTable;
  doctor_profiles: DoctorProfilesTable;
  patient_profiles: PatientProfilesTable;
  doctor_patients: DoctorPatientsTable;
  sessions: SessionsTable;
  invites: InvitesTable;
  password_resets: PasswordResetsTable;
  photos: PhotosTable;
  audit_log: AuditLogTable;
  login_throttle: LoginThrottleTable;
  rooms: RoomsTable;
  consultations: ConsultationsTable;
  consents: ConsentsTable;
  chat_messages: ChatMessagesTable;
  evolutions: EvolutionsTable;
  evolution_diagnoses: EvolutionDiagnosesTable;
  prescription_items: PrescriptionItemsTable;
  record_access_log: RecordAccessLogTable;
  user_counts: UserCountsTable;
  fee_settings: FeeSettingsTable;
  doctor_fees: DoctorFeesTable;
  fee_changes: FeeChangesTable;
  billing_records: BillingRecordsTable;
  closings: ClosingsTable;
  payments: PaymentsTable;
  payment_records: PaymentRecordsTable;
  payment_events: PaymentEventsTable;
  reset_log: ResetLogTable;
  billing_totals: BillingTotalsTable;
  billing_month_totals: BillingMonthTotalsTable;
  document_verifications: DocumentVerificationsTable;
}

/** A user as the app passes it around; the search text is the repository's business. */
export type UserRow = Omit<Selectable<UsersTable>, 'search_text'>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type DoctorProfileRow = Selectable<DoctorProfilesTable>;
export type PatientProfileRow = Selectable<PatientProfilesTable>;
export type SessionRow = Selectable<SessionsTable>;
export type InviteRow = Selectable<InvitesTable>;
export type PasswordResetRow = Selectable<PasswordResetsTable>;
export type RoomRow = Selectable<RoomsTable>;
export type ConsultationRow = Selectable<ConsultationsTable>;
export type EvolutionRow = Selectable<EvolutionsTable>;
export type BillingRecordRow = Selectable<BillingRecordsTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type PaymentEventRow = Selectable<PaymentEventsTable>;
