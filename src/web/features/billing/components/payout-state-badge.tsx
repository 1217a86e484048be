import { Badge } from '../../../components/ui/badge';
import { PAYOUT_STATE_TEXT, payoutStateOf } from '../model/payout-state';

/** A doctor's month: "Em aberto", and later "Fechado" or "Pago" (decided in payoutStateOf). */
export function PayoutStateBadge({ month }: { month: string }) {
  const text = PAYOUT_STATE_TEXT[payoutStateOf(month)];
  return <Badge tone={text.tone}>{text.label}</Badge>;
}

