/**
 * Every error code the server sends (HTTP `{error:{code,message,fields?}}` and socket acks and
 * refusals alike), plus the few the web client makes itself when no answer came. The server's
 * `AppError` takes only these, and the web reads an answer's code against this list, so a code
 * added on one side is known on the other. The words for people travel in `message`; a code is
 * for programs deciding what to do.
 */
export const ERROR_CODES = [
  // The request itself
  'bad_request',
  /** A state-changing request from another site (no or a foreign Origin). */
  'bad_origin',
  'invalid_json',
  'invalid_body',
  /** Some fields are wrong or missing; `fields` says which. */
  'validation_error',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'internal_error',
  // Who is asking
  'unauthenticated',
  'forbidden',
  'no_access',
  'role_mismatch',
  'account_inactive',
  'inactive',
  'invalid_credentials',
  'wrong_password',
  'too_many_attempts',
  'too_many_requests',
  'password_guesses',
  'already_activated',
  // Links
  'invite_invalid',
  'invite_expired',
  'invite_used',
  'reset_invalid',
  'reset_expired',
  'reset_used',
  'room_link_invalid',
  // People and records
  'email_taken',
  'cpf_taken',
  'crm_taken',
  'patient_exists',
  'consent_required',
  'consent_outdated',
  'version_conflict',
  'evolution_final',
  'evolution_not_final',
  'no_prescription',
  // Photos
  'invalid_image',
  'image_too_large',
  'invalid_upload',
  'too_many_files',
  // Consultations, billing and payments
  'consultation_happened',
  'consultation_id_taken',
  'billing_closed',
  'billing_already_decided',
  'month_not_ended',
  'nothing_to_close',
  'closing_in_progress',
  'closing_not_found',
  'payment_state',
  'payment_no_pix_key',
  // Backups and the database reset
  'backup_tool_missing',
  'backup_write_failed',
  'reset_disabled',
  'reset_running',
  // Sockets: refusals at the handshake, acks, and the reason a socket was closed
  'session_ended',
  'too_many_connections',
  'rate_limited',
  'invalid_payload',
  'not_joined',
  'not_in_call',
  'room_closed',
  'chat_quota',
  // Made by the web client itself: no answer came from the server
  'network_error',
  'offline',
  'timeout',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
