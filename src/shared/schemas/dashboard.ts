import { z } from 'zod';
import { billingSummarySchema } from './billing';
import { userSummarySchema, myDoctorSchema } from './users';

/** This São Paulo month's billing and the month before's (billed money; `underReview` apart), as in the billing summary. */
export const billingGlanceSchema = z.object({ current: billingSummarySchema.shape.months.element, previous: billingSummarySchema.shape.months.element });
export type BillingGlance = z.infer<typeof billingGlanceSchema>;

/** The figures on each role's home screen. */
export const dashboardSchema = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('admin'),
    doctors: z.object({ active: z.number().int(), inactive: z.number().int() }),
    patients: z.object({ active: z.number().int(), inactive: z.number().int() }),
    activeUsers: z.number().int(),
    pendingInvites: z.number().int(),
    /** Active people without a password whose last invite expired (shown "Convite expirado" in the list). */
    expiredInvites: z.number().int(),
    recentUsers: z.array(userSummarySchema),
    /** The whole clinic's. */
    billing: billingGlanceSchema,
  }),
  z.object({
    role: z.literal('doctor'),
    patients: z.number().int(),
    pendingInvites: z.number().int(),
    /** The doctor's patients without a password whose last invite expired. */
    expiredInvites: z.number().int(),
    /** Profile fields still missing (Portuguese labels), e.g. "Chave PIX". */
    missingProfile: z.array(z.string()),
    recentPatients: z.array(userSummarySchema),
    /** The doctor's own records only. */
    earnings: billingGlanceSchema,
  }),
  z.object({
    role: z.literal('patient'),
    doctors: z.array(myDoctorSchema),
    missingProfile: z.array(z.string()),
  }),
]);
export type Dashboard = z.infer<typeof dashboardSchema>;
