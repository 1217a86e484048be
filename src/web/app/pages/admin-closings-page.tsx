import { BillingMonthPicker } from '../../features/billing/components/billing-month-picker';
import { ClosingsPage } from '../../features/payments/components/closings-page';

/**
 * /admin/fechamentos: the payments feature's page with billing's month picker, the same one as on
 * Faturamento. Composed here so neither feature imports the other's components.
 */
export function AdminClosingsPage() {
  return <ClosingsPage monthPicker={(props) => <BillingMonthPicker {...props} />} />;
}
