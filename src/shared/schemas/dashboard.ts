import { z } from 'zod';
import { userSummarySchema, myDoctorSchema } from './users';

/** The figures on each role's home screen. */
export const dashboardSchema = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('admin'),
    doctors: z.object({ active: z.number().int(), inactive: z.number().int() }),
    patients: z.object({ active: z.number().int(), inactive: z.number().int() }),
    activeUsers: z.number().int(),
    pendingInvites: z.number().int(),
    recentUsers: z.array(userSummarySchema),
  }),
  z.object({
    role: z.literal('doctor'),
    patients: z.number().int(),
    pendingInvites: z.number().int(),
    /** Profile fields still missing (Portuguese labels), e.g. "Chave PIX". */
    missingProfile: z.array(z.string()),
    recentPatients: z.array(userSummarySchema),
  }),
  z.object({
    role: z.literal('patient'),
    doctors: z.array(myDoctorSchema),
    missingProfile: z.array(z.string()),
  }),
]);
export type Dashboard = z.infer<typeof dashboardSchema>;
