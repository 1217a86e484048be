import { PixPayloadError, buildPixPayload } from '#shared/domain/pix-br-code.ts';
import type { Payment } from '#shared/schemas/payments.ts';
import type { PixReceiver } from './pix-receiver';

/**
 * The txid a payment's BR Code carries, so the transfer names what it pays in the bank statement:
 * "MC", the month's digits and the start of the payment's id, upper-case, 25 characters at most
 * ("MC202611" + 17 of the id): unique enough to find the payment, inside the BR Code's `A-Z0-9`.
 */
export function paymentTxid(p: Pick<Payment, 'id' | 'month'>): string {
  return `MC${p.month}${p.id}`
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 25);
}

/**
 * The static BR Code ("PIX copia e cola") that pays a payment: its net amount to the receiver made
 * from its snapshot. `null` when there is no receiver (no usable key) or nothing to pay, or when the
 * snapshot can't make a code (a name with no letters left): the screen then says so instead.
 */
export function paymentPixPayload(p: Pick<Payment, 'id' | 'month' | 'netCents'>, receiver: PixReceiver | null): string | null {
  if (!receiver || p.netCents <= 0) return null;
  try {
    return buildPixPayload({ ...receiver, amountCents: p.netCents, txid: paymentTxid(p) });
  } catch (error) {
    if (error instanceof PixPayloadError) return null;
    throw error;
  }
}
