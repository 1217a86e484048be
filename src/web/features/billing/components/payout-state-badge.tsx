import { Badge } from '#web/components/ui/badge.tsx';
import { PAYOUT_STATE_TEXT } from '#web/features/billing/model/payout-state.ts';
import type { PayoutState } from '#web/features/billing/model/payout-state.ts';

/** A doctor's month: "Em aberto", "Fechado" or "Pago" (decided in payoutStateOf); nothing while unknown. */
export function PayoutStateBadge({ state }: { state: PayoutState | undefined }) {
  if (!state) return null;
  const text = PAYOUT_STATE_TEXT[state];
  return <Badge tone={text.tone}>{text.label}</Badge>;
}
