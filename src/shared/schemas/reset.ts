import { z } from 'zod';
import { RESET_PHRASE, isResetPhrase } from '#shared/domain/reset-phrase.ts';

// The phrase lives in shared/domain so the reset page can check it without loading zod.
export { RESET_PHRASE };

export const resetInputSchema = z.object({
  confirmation: z.string({ message: `Digite ${RESET_PHRASE} para confirmar.` }).refine(isResetPhrase, { message: `Digite ${RESET_PHRASE} para confirmar.` }),
  password: z.string({ message: 'Digite sua senha.' }).min(1, { message: 'Digite sua senha.' }).max(200),
});

const counts = z.object({
  users: z.number().int(),
  doctors: z.number().int(),
  patients: z.number().int(),
  consultations: z.number().int(),
  records: z.number().int(),
  billing: z.number().int(),
  payments: z.number().int(),
});
export type ResetCounts = z.infer<typeof counts>;

/** GET /api/reset — what a reset would erase and keep, and the resets made before. */
export const resetPreviewSchema = z.object({
  enabled: z.boolean(),
  erases: counts,
  keeps: z.object({ admins: z.number().int() }),
  history: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['running', 'done', 'failed']),
      actor: z.object({ id: z.string(), name: z.string(), email: z.string() }),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      counts: z.record(z.string(), z.number().int()).nullable(),
      backup: z.object({ name: z.string(), sha256: z.string() }).nullable(),
      error: z.string().nullable(),
    }),
  ),
});
export type ResetPreview = z.infer<typeof resetPreviewSchema>;

/** POST /api/reset answers with what was erased (rows per table) and the backup made first. */
export const resetResultSchema = z.object({
  erased: z.record(z.string(), z.number().int()),
  backup: z.object({ name: z.string(), sha256: z.string(), dir: z.string(), sizeBytes: z.number().int() }),
});
export type ResetResult = z.infer<typeof resetResultSchema>;
