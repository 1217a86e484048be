import { UserRound } from 'lucide-react';
import { formatBRL } from '#shared/domain/money.ts';
import type { BillingSummary } from '#shared/schemas/billing.ts';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { monthName } from '#web/features/billing/model/billing-text.ts';

const INTEGER = new Intl.NumberFormat('pt-BR');

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
              <th scope="col" className="num">
                Consultas
              </th>
              <th scope="col" className="num">
                Bruto
              </th>
              <th scope="col" className="num">
                Clínica
              </th>
              <th scope="col" className="num">
                Líquido ao médico
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.doctor.id}>
                <th scope="row" className="billing-person">
                  {r.doctor.name}
                </th>
                <td data-label="Consultas" className="num">
                  {INTEGER.format(r.consultations)}
                </td>
                <td data-label="Bruto" className="num">
                  {formatBRL(r.grossCents)}
                </td>
                <td data-label="Clínica" className="num">
                  {formatBRL(r.clinicCents)}
                </td>
                <td data-label="Líquido ao médico" className="num billing-strong">
                  {formatBRL(r.doctorCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
