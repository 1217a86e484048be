/** Why the camera or microphone did not turn on, in plain Portuguese with what to do about it. */
export type MediaProblemKind = 'denied' | 'not_found' | 'in_use' | 'insecure' | 'unknown';

export interface MediaProblem {
  kind: MediaProblemKind;
  title: string;
  help: string;
  /** The browser's error, to explain it again for another device. */
  cause?: unknown;
}

export function errorName(error: unknown): string {
  return error && typeof error === 'object' && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

/** A getUserMedia failure for one device kind, in words a patient understands. */
export function mediaProblemOf(error: unknown, kind: 'camera' | 'microphone' | 'both'): MediaProblem {
  return { ...describe(error, kind), cause: error };
}

function describe(error: unknown, kind: 'camera' | 'microphone' | 'both'): MediaProblem {
  const the = kind === 'camera' ? 'a câmera' : kind === 'microphone' ? 'o microfone' : 'a câmera e o microfone';
  switch (errorName(error)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return {
        kind: 'denied',
        title: `O navegador bloqueou ${the}`,
        help: `Clique no cadeado (ou no ícone de câmera) ao lado do endereço do site, escolha “Permitir” para ${the} e clique em “Tentar de novo”. No celular, confira também, nas configurações do aparelho, se o navegador pode usar ${the}.`,
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return {
        kind: 'not_found',
        title:
          kind === 'camera' ? 'Nenhuma câmera encontrada' : kind === 'microphone' ? 'Nenhum microfone encontrado' : 'Nenhuma câmera ou microfone encontrado',
        help: `Conecte ${kind === 'camera' ? 'uma câmera' : kind === 'microphone' ? 'um microfone ou fone com microfone' : 'uma câmera e um microfone'} e clique em “Tentar de novo”, ou entre pelo celular.`,
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        kind: 'in_use',
        title: `Não foi possível ligar ${the}`,
        help: `${kind === 'microphone' ? 'O microfone' : 'A câmera'}${kind === 'both' ? ' ou o microfone' : ''} pode estar em uso por outro programa (Zoom, Teams, WhatsApp ou outra aba). Feche-o e clique em “Tentar de novo”.`,
      };
    case 'TypeError':
    case 'NotSupportedError':
      return insecureProblem();
    default:
      return { kind: 'unknown', title: `Não foi possível ligar ${the}`, help: 'Clique em “Tentar de novo”. Se continuar, feche e abra o navegador.' };
  }
}

export function insecureProblem(): MediaProblem {
  return {
    kind: 'insecure',
    title: 'Este navegador não libera câmera e microfone aqui',
    help: 'Abra o link da consulta num navegador atualizado (Chrome, Edge, Firefox ou Safari). O endereço precisa começar com https://.',
  };
}
