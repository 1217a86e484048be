import type { BillingStatus } from '../../../../shared/schemas/billing';
import { Badge } from '../../../components/ui/badge';
import type { BadgeTone } from '../../../components/ui/badge';
import { BILLING_STATUS_LABELS } from '../model/billing-text';

const TONES: Readonly<Record<BillingStatus, BadgeTone>> = { billed: 'success', under_review: 'warning', rejected: 'danger', voided: 'neutral' };

/** A record's status as a coloured label; "Anulada" is struck through like the voided record's money. */
export function BillingStatusBadge({ status }: { status: BillingStatus }) {
  return (
    <Badge tone={TONES[status]} className={status === 'voided' ? 'billing-badge-voided' : undefined}>
      {BILLING_STATUS_LABELS[status]}
    </Badge>
  );
}
