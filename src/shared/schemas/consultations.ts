import { z } from 'zod';

/** How a consultation happened: in the video room, or registered by the doctor afterwards. */
export const consultationKindSchema = z.enum(['video', 'in_person', 'phone']);
export type ConsultationKind = z.infer<typeof consultationKindSchema>;

/** How far back a consultation held outside the video room may be registered. */
export const OUTSIDE_CONSULTATION_MAX_AGE_DAYS = 90;
/** A clock a few minutes ahead on the doctor's device is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * POST /api/patients/:id/consultations — a consultation held in person or by phone.
 * `id` is chosen by the client, so a retried request registers it once.
 */
export const outsideConsultationInputSchema = z.object({
  id: z.uuid({ message: 'Identificador inválido.' }),
  kind: z.enum(['in_person', 'phone'], { message: 'Escolha se foi presencial ou por telefone.' }),
  heldAt: z.iso
    .datetime({ offset: true, message: 'Informe a data e a hora da consulta.' })
    .refine((v) => Date.parse(v) <= Date.now() + CLOCK_SKEW_MS, { message: 'A data não pode estar no futuro.' })
    .refine((v) => Date.parse(v) >= Date.now() - OUTSIDE_CONSULTATION_MAX_AGE_DAYS * 86_400_000, {
      message: `Só dá para registrar consultas dos últimos ${OUTSIDE_CONSULTATION_MAX_AGE_DAYS} dias.`,
    }),
  durationMinutes: z
    .number({ message: 'Duração inválida.' })
    .int({ message: 'Use minutos inteiros.' })
    .min(1, { message: 'A duração é de pelo menos 1 minuto.' })
    .max(480, { message: 'A duração é de no máximo 8 horas.' })
    .optional(),
  note: z.string({ message: 'Observação inválida.' }).trim().max(1000, { message: 'Observação longa demais (até 1000 letras).' }).optional(),
});
export type OutsideConsultationInput = z.input<typeof outsideConsultationInputSchema>;

export const outsideConsultationSchema = z.object({
  id: z.string(),
  kind: consultationKindSchema,
  startedAt: z.string(),
  durationSeconds: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type OutsideConsultation = z.infer<typeof outsideConsultationSchema>;
