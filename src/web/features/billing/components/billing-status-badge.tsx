import type { BillingStatus } from '#shared/schemas/billing.ts';
import { Badge } from '#web/components/ui/badge.tsx';
import type { BadgeTone } from '#web/components/ui/badge.tsx';
import { BILLING_STATUS_LABELS } from '#web/features/billing/model/billing-text.ts';

const TONES: Readonly<Record<BillingStatus, BadgeTone>> = { billed: 'success', under_review: 'warning', rejected: 'danger', voided: 'neutral' };

/** A record's status as a coloured label; "Anulada" is struck through like the voided record's money. */
export function BillingStatusBadge({ status }: { status: BillingStatus }) {
  return (
    <Badge tone={TONES[status]} className={status === 'voided' ? 'billing-badge-voided' : undefined}>
      {BILLING_STATUS_LABELS[status]}
    </Badge>
  );
}
