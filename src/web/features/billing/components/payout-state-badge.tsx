import { Badge } from '../../../components/ui/badge';
import { PAYOUT_STATE_TEXT } from '../model/payout-state';
import type { PayoutState } from '../model/payout-state';

/** A doctor's month: "Em aberto", "Fechado" or "Pago" (decided in payoutStateOf); nothing while unknown. */
export function PayoutStateBadge({ state }: { state: PayoutState | undefined }) {
  if (!state) return null;
  const text = PAYOUT_STATE_TEXT[state];
  return <Badge tone={text.tone}>{text.label}</Badge>;
}
