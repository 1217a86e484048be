/**
 * Every payments query lives under this key (the doctor's own under `[...paymentsQueryKey, 'own']`,
 * the admin's closings and payments under their own sub-keys), so a live notice that a payment
 * moved refreshes them all with one invalidation.
 */
export const paymentsQueryKey = ['payments'] as const;
