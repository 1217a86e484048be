import { formatBRL } from '#shared/domain/money.ts';
import { lazyIntl } from '#shared/domain/lazy-intl.ts';

const INTEGER = lazyIntl(() => new Intl.NumberFormat('pt-BR'));

/** "R$ 120,00 a mais que no mês passado" / "… a menos …" / "O mesmo valor do mês passado". */
export function moneyComparedText(currentCents: number, previousCents: number): string {
  const diff = currentCents - previousCents;
  if (diff === 0) return 'O mesmo valor do mês passado';
  return `${formatBRL(Math.abs(diff))} a ${diff > 0 ? 'mais' : 'menos'} que no mês passado`;
}

/** "1 consulta" / "12 consultas". */
export function consultationCount(count: number): string {
  return count === 1 ? '1 consulta' : `${INTEGER.format(count)} consultas`;
}

/** "No mês passado: R$ 120,00 em 1 consulta." */
export function lastMonthText(cents: number, consultations: number): string {
  return consultations === 0 ? 'No mês passado: nenhuma consulta faturada.' : `No mês passado: ${formatBRL(cents)} em ${consultationCount(consultations)}.`;
}

/** "1 consulta curta em análise" / "2 consultas curtas em análise". */
export function underReviewCount(count: number): string {
  return count === 1 ? '1 consulta curta em análise' : `${INTEGER.format(count)} consultas curtas em análise`;
}
