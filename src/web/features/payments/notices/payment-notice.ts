import { defineNotice } from '#web/lib/notices.ts';
import { paymentsQueryKey } from '#web/features/payments/api/payment-query-keys.ts';
import { paymentNoticeText } from '#web/features/payments/model/payment-notice-text.ts';

/**
 * A payment moved: the doctor hears the clinic's steps (paid, cancelled), admins hear the
 * doctor's (received, "Não recebi"). A toast in plain words, every payments query refreshed
 * (lists, details, the dashboard's prompt, Meus ganhos' payout state), and a badge on the menu.
 */
export const paymentNotice = defineNotice({
  event: 'payment:changed',
  roles: ['doctor', 'admin'],
  handle: (notice, { role, toast, queryClient, bump }) => {
    const text = paymentNoticeText(notice, role === 'doctor' ? 'doctor' : 'admin');
    toast.notify(text.message, text.tone);
    void queryClient.invalidateQueries({ queryKey: paymentsQueryKey });
    bump('payments');
  },
});
