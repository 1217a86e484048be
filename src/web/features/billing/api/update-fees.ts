import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClinicFees, clinicFeesInputSchema } from '#shared/schemas/fees.ts';
import { apiFetch } from '#web/lib/api-client.ts';
import { feesQueryKey } from './get-fees';

/** What the form sends: the price and share as typed (the server parses them again). */
export type ClinicFeesInput = z.input<typeof clinicFeesInputSchema>;

export function updateFees(input: ClinicFeesInput): Promise<ClinicFees> {
  return apiFetch<ClinicFees>('/api/fees', { method: 'PUT', body: input });
}

export function useUpdateFees() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateFees,
    onSuccess: (fees) => {
      queryClient.setQueryData(feesQueryKey, fees);
      // Doctors who follow the clinic now have a different effective price.
      void queryClient.invalidateQueries({ queryKey: ['fees', 'doctor'] });
    },
  });
}
