import { FileSpreadsheet, FileText } from 'lucide-react';
import { useId } from 'react';
import { buttonClass } from '#web/components/ui/button.tsx';
import { type BillingExportFilters, billingExportUrl } from '#web/features/billing/api/billing-export-url.ts';
import './billing-export-links.css';

interface Props {
  /** `/api/billing` (the admin's, every doctor) or `/api/me/billing` (a doctor's own). */
  basePath: '/api/billing' | '/api/me/billing';
  /** The list's filters and order: the file holds every record they match, not only the loaded pages. */
  filters: BillingExportFilters;
}

/**
 * "Exportar CSV" and "Exportar Excel": plain download links to the export of the filtered list
 * (the session cookie goes along; the server names the file).
 */
export function BillingExportLinks({ basePath, filters }: Props) {
  const hintId = useId();
  return (
    <div className="billing-export" role="group" aria-label="Exportar a lista" aria-describedby={hintId}>
      <div className="billing-export-links">
        <a className={buttonClass('secondary', 'sm')} href={billingExportUrl(basePath, filters, 'csv')} download>
          <FileText aria-hidden="true" />
          Exportar CSV
        </a>
        <a className={buttonClass('secondary', 'sm')} href={billingExportUrl(basePath, filters, 'xlsx')} download>
          <FileSpreadsheet aria-hidden="true" />
          Exportar Excel
        </a>
      </div>
      <p className="billing-export-hint" id={hintId}>
        Todas as consultas com estes filtros, não só as da tela.
      </p>
    </div>
  );
}
