import { formatBRL } from '#shared/domain/money.ts';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { monthLabel, monthShort } from '#web/features/billing/model/billing-text.ts';

/** One money figure drawn as a bar, stacked on the ones before it. */
export interface ChartSeries<T> {
  /** Legend and text-alternative column. */
  label: string;
  /** In centavos. */
  value: (month: T) => number;
  /** The colour: the clinic's commission (blue) or the doctors' share (cyan). */
  tone: 'clinic' | 'doctors';
}

interface Props<T extends { month: string }> {
  /** The card's heading id (the section is labelled by it). */
  id: string;
  title: string;
  description: string;
  /** The text alternative's caption. */
  caption: string;
  /** Oldest first; the last one is drawn as the chosen month. */
  months: T[];
  /** Stacked from the bottom up. */
  series: ChartSeries<T>[];
  /** Columns of the text alternative after "Mês"; the series' own when not given. */
  columns?: { label: string; value: (month: T) => string }[];
}

/** Bar geometry in viewBox units; the SVG stretches to the card's width. */
const SLOT = 10;
const BAR = 6;
const HEIGHT = 100;

/**
 * Months of money as (stacked) bars, drawn as a small inline SVG rather than with a chart library,
 * which would not fit the pages' JS budget. The picture is hidden from screen readers; the same
 * figures are in a table they read instead.
 */
export function MonthBarsChart<T extends { month: string }>({ id, title, description, caption, months, series, columns }: Props<T>) {
  const total = (m: T) => series.reduce((sum, s) => sum + s.value(m), 0);
  const max = Math.max(1, ...months.map(total));
  const selected = months.at(-1)?.month;
  const y = (cents: number) => (cents / max) * (HEIGHT - 4);
  const tableColumns = columns ?? series.map((s) => ({ label: s.label, value: (m: T) => formatBRL(s.value(m)) }));

  return (
    <Card as="section" aria-labelledby={id} className="billing-chart-card">
      <CardHeader id={id} title={title} description={description} />
      <div className="billing-chart" aria-hidden="true">
        <span className="billing-chart-max tabular">{formatBRL(max === 1 ? 0 : max)}</span>
        <svg viewBox={`0 0 ${SLOT * months.length} ${HEIGHT}`} preserveAspectRatio="none" focusable="false">
          {[0.5, 1].map((f) => (
            <line
              key={f}
              x1={0}
              x2={SLOT * months.length}
              y1={HEIGHT - f * (HEIGHT - 4)}
              y2={HEIGHT - f * (HEIGHT - 4)}
              className="billing-chart-grid"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {months.map((m, i) => {
            const x = i * SLOT + (SLOT - BAR) / 2;
            let base = HEIGHT;
            return (
              <g key={m.month} className={m.month === selected ? 'billing-bar billing-bar-selected' : 'billing-bar'}>
                {series.map((s) => {
                  const h = y(s.value(m));
                  base -= h;
                  return <rect key={s.label} x={x} width={BAR} y={base} height={h} className={`billing-bar-${s.tone}`} />;
                })}
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
        {series.map((s) => (
          <li key={s.label}>
            <span className={`billing-swatch billing-swatch-${s.tone}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Mês</th>
              {tableColumns.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month)}</th>
                {tableColumns.map((c) => (
                  <td key={c.label}>{c.value(m)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
