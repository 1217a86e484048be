import { doctorTitle } from '#web/lib/doctor-title.ts';

/**
 * What the patient reads when the doctor chose "Sair por enquanto": the room is still open and
 * the doctor is coming back, so the patient should stay (not "saiu da chamada", which reads as
 * the end). Uses the doctor's name rather than "seu médico", which would be wrong for a woman.
 */
export function doctorAwayText(doctorName: string): string {
  return `${doctorTitle(doctorName)} saiu por um momento e vai voltar. Aguarde aqui, sem fechar esta página.`;
}

/** The short form for the status line under the header. */
export function doctorAwayStatus(doctorName: string): string {
  return `${doctorTitle(doctorName)} saiu por um momento`;
}
