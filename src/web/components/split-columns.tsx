import { formatBRL } from '#shared/domain/money.ts';
import { NumCell, NumHeader } from '#web/components/ui/num-cells.tsx';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

const INTEGER = lazyIntl(() => new Intl.NumberFormat('pt-BR'));

/** The headings of a doctor's month split: consultations, gross, the clinic's share and the net (named by `netLabel`). */
export function SplitHeaders({ netLabel }: { netLabel: string }) {
  return (
    <>
      <NumHeader>Consultas</NumHeader>
      <NumHeader>Bruto</NumHeader>
      <NumHeader>Clínica</NumHeader>
      <NumHeader>{netLabel}</NumHeader>
    </>
  );
}

/** A doctor's month, or the total of several: consultations billed, what they came to, the clinic's share and the doctor's net. */
export interface SplitFigures {
  consultations: number;
  grossCents: number;
  clinicCents: number;
  netCents: number;
}

interface SplitCellsProps {
  figures: SplitFigures;
  netLabel: string;
  /** The table's bold class for the net, which is what the doctor gets. */
  netClassName: string;
}

/** The figures under SplitHeaders, for one doctor or for the total. */
export function SplitCells({ figures, netLabel, netClassName }: SplitCellsProps) {
  const { consultations, grossCents, clinicCents, netCents } = figures;
  return (
    <>
      <NumCell label="Consultas">{INTEGER.format(consultations)}</NumCell>
      <NumCell label="Bruto">{formatBRL(grossCents)}</NumCell>
      <NumCell label="Clínica">{formatBRL(clinicCents)}</NumCell>
      <NumCell label={netLabel} className={netClassName}>
        {formatBRL(netCents)}
      </NumCell>
    </>
  );
}
