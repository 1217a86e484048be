/** Words that start a stretch of time written out ("dois meses", "uma semana"). */
const SPELLED_NUMBER = /^(um|uma|dois|duas|três|tres|quatro|cinco|seis|sete|oito|nove|dez|quinze|trinta)\s/i;

/**
 * How long to take a medicine, as a prescription reads: "por 3 dias" for a stretch of time, but
 * "uso contínuo" or "até acabar a caixa" as the doctor wrote them (never "por uso contínuo").
 */
export function durationText(duration: string): string {
  const d = duration.trim();
  if (d === '') return '';
  if (/^por\s/i.test(d)) return d;
  return /^\d/.test(d) || SPELLED_NUMBER.test(d) ? `por ${d}` : d;
}
