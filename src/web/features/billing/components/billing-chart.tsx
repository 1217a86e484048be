import { formatBRL } from '../../../../shared/domain/money';
import type { BillingSummary } from '../../../../shared/schemas/billing';
import { Card, CardHeader } from '../../../components/ui/card';
import { monthLabel, monthShort } from '../model/billing-text';

type Months = BillingSummary['months'];

/** Bar geometry in viewBox units; the SVG stretches to the card's width. */
const SLOT = 10;
const BAR = 6;
const HEIGHT = 100;

/**
 * Twelve months of gross billing as stacked bars (clinic below, doctors above), drawn as a small
 * inline SVG rather than with a chart library, which would not fit the admin pages' JS budget.
 * The picture is hidden from screen readers; the same figures are in a table they read instead.
 */
export function BillingChart({ months }: { months: Months }) {
  const max = Math.max(1, ...months.map((m) => m.grossCents));
  const selected = months.at(-1)?.month;
  const y = (cents: number) => (cents / max) * (HEIGHT - 4);

  return (
    <Card as="section" aria-labelledby="billing-chart-title" className="billing-chart-card">
      <CardHeader id="billing-chart-title" title="Últimos 12 meses" description="Faturamento bruto de cada mês, dividido entre a clínica e os médicos." />
      <div className="billing-chart" aria-hidden="true">
        <span className="billing-chart-max tabular">{formatBRL(max === 1 ? 0 : max)}</span>
        <svg viewBox={`0 0 ${SLOT * months.length} ${HEIGHT}`} preserveAspectRatio="none" focusable="false">
          {[0.5, 1].map((f) => (
            <line key={f} x1={0} x2={SLOT * months.length} y1={HEIGHT - f * (HEIGHT - 4)} y2={HEIGHT - f * (HEIGHT - 4)} className="billing-chart-grid" vectorEffect="non-scaling-stroke" />
          ))}
          {months.map((m, i) => {
            const x = i * SLOT + (SLOT - BAR) / 2;
            const clinic = y(m.clinicCents);
            const doctors = y(m.doctorCents);
            return (
              <g key={m.month} className={m.month === selected ? 'billing-bar billing-bar-selected' : 'billing-bar'}>
                <rect x={x} width={BAR} y={HEIGHT - clinic} height={clinic} className="billing-bar-clinic" />
                <rect x={x} width={BAR} y={HEIGHT - clinic - doctors} height={doctors} className="billing-bar-doctors" />
              </g>
            );
          })}
          <line x1={0} x2={SLOT * months.length} y1={HEIGHT} y2={HEIGHT} className="billing-chart-axis" vectorEffect="non-scaling-stroke" />
        </svg>
        <ol className="billing-chart-labels">
          {months.map((m) => (
            <li key={m.month} className={m.month === selected ? 'is-selected' : undefined}>
              {monthShort(m.month)}
            </li>
          ))}
        </ol>
      </div>
      <ul className="billing-legend" aria-hidden="true">
        <li>
          <span className="billing-swatch billing-swatch-clinic" />
          Comissão da clínica
        </li>
        <li>
          <span className="billing-swatch billing-swatch-doctors" />
          Repasse aos médicos
        </li>
      </ul>
      <div className="sr-only">
      <table>
        <caption>Faturamento dos últimos 12 meses</caption>
        <thead>
          <tr>
            <th scope="col">Mês</th>
            <th scope="col">Faturamento bruto</th>
            <th scope="col">Comissão da clínica</th>
            <th scope="col">Repasse aos médicos</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{monthLabel(m.month)}</th>
              <td>{formatBRL(m.grossCents)}</td>
              <td>{formatBRL(m.clinicCents)}</td>
              <td>{formatBRL(m.doctorCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </Card>
  );
}
