import { UserRound } from 'lucide-react';
import type { BillingSummary } from '#shared/schemas/billing.ts';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { SplitCells, SplitHeaders } from '#web/components/split-columns.tsx';
import { monthName } from '#web/features/billing/model/billing-text.ts';

/** The month by doctor: a table on wide screens, one small card per doctor on a phone. */
export function BillingByDoctor({ month, rows }: { month: string; rows: BillingSummary['byDoctor'] }) {
  return (
    <Card as="section" flush aria-labelledby="billing-doctors-title" className="billing-doctors-card">
      <div className="billing-card-head">
        <CardHeader id="billing-doctors-title" title="Por médico" description={`Consultas faturadas em ${monthName(month)}.`} />
      </div>
      {rows.length === 0 ? (
        <EmptyState level={3} icon={<UserRound />} title="Nenhuma consulta faturada neste mês" />
      ) : (
        <table className="billing-table">
          <caption className="sr-only">Faturamento por médico em {monthName(month)}</caption>
          <thead>
            <tr>
              <th scope="col">Médico</th>
              <SplitHeaders netLabel="Líquido ao médico" />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.doctor.id}>
                <th scope="row" className="billing-person">
                  {r.doctor.name}
                </th>
                <SplitCells figures={{ ...r, netCents: r.doctorCents }} netLabel="Líquido ao médico" netClassName="billing-strong" />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
