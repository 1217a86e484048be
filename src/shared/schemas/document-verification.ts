import { z } from 'zod';

/**
 * The code in a printed document's verification link: 128 random bits in base64url (22
 * characters), so links can't be guessed or walked through the way sequential ids can.
 */
export const verificationCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, { message: 'Código de verificação inválido.' });

export const verificationParamsSchema = z.object({ code: verificationCodeSchema });

/**
 * GET /api/document-verifications/:code — public: what confirms a printed document is real,
 * and nothing of its content (no patient, no text, no medicines).
 */
export const documentVerificationSchema = z.object({
  kind: z.enum(['evolution', 'addendum']),
  doctor: z.object({
    name: z.string(),
    /** "CRM/SP 123456" */
    crm: z.string(),
    specialty: z.string(),
  }),
  /** Signed electronically in MedConnect. */
  signed: z.boolean(),
  signedAt: z.string().nullable(),
  /** SHA-256 (hex) recorded at signing. */
  contentHash: z.string().nullable(),
  /** The stored content still gives that hash: nothing changed since it was signed. */
  intact: z.boolean(),
});
export type DocumentVerification = z.infer<typeof documentVerificationSchema>;
