import { paymentNotice } from '#web/features/payments/notices/payment-notice.ts';
import type { NoticeHandler } from '#web/lib/notices.ts';

/**
 * Every app-wide notice the signed-in pages react to, over the tab's one connection. A new kind
 * (a patient in the waiting room) is one more entry here.
 */
export const NOTICE_HANDLERS: readonly NoticeHandler[] = [paymentNotice];
