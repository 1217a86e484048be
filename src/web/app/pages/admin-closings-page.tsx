import { BillingMonthPicker } from '#web/features/billing/components/billing-month-picker.tsx';
import { ClosingsPage } from '#web/features/payments/components/closings-page.tsx';

/**
 * /admin/fechamentos: the payments feature's page with billing's month picker, the same one as on
 * Faturamento. Composed here so neither feature imports the other's components.
 */
export function AdminClosingsPage() {
  return <ClosingsPage monthPicker={(props) => <BillingMonthPicker {...props} />} />;
}
