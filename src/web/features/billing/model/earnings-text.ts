/** What "Em análise" means for the doctor, in one sentence. */
export const UNDER_REVIEW_FOR_DOCTOR = '“Em análise” quer dizer que a chamada foi muito curta: a clínica confere antes de contar nos seus ganhos.';

/** "1 consulta de novembro está em análise." / "2 consultas de novembro estão em análise." */
export function ownUnderReviewText(count: number, monthName: string): string {
  return count === 1
    ? `1 consulta de ${monthName} está em análise.`
    : `${new Intl.NumberFormat('pt-BR').format(count)} consultas de ${monthName} estão em análise.`;
}
