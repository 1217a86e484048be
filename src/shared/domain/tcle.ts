/**
 * The telemedicine consent term (TCLE) the patient accepts before their first video consultation
 * (CFM Resolution 2.314/2022, art. 15). Changing the text means a new version: every patient is
 * asked again.
 */
export const TCLE_VERSION = '2026-11-v1';

export const TCLE_TITLE = 'Termo de consentimento para atendimento por telemedicina';

export const TCLE_PARAGRAPHS: readonly string[] = [
  'Eu autorizo ser atendido(a) por vídeo, pela internet, pelo(a) médico(a) que me acompanha nesta clínica, nos termos da Resolução CFM nº 2.314/2022.',
  'Entendo que a consulta por vídeo tem limites: o(a) médico(a) não pode me examinar fisicamente e, se julgar necessário, pode pedir que eu vá a um atendimento presencial.',
  'A chamada é feita diretamente entre o meu aparelho e o do(a) médico(a), com criptografia. A consulta não é gravada. O(a) médico(a) registra no meu prontuário o que for importante, como em uma consulta presencial.',
  'Meus dados de saúde são protegidos pelo sigilo médico e pela Lei Geral de Proteção de Dados (LGPD) e ficam guardados pelo prazo exigido por lei (20 anos).',
  'Devo estar em um lugar reservado durante a consulta. Posso interromper a chamada a qualquer momento e posso retirar este consentimento quando quiser, pedindo à clínica.',
  'Em caso de emergência, não devo esperar a consulta por vídeo: devo procurar o pronto-socorro mais próximo ou ligar para o SAMU (192).',
];
