/** The word the admin types to confirm: a reset can't happen by a slip of the mouse. */
export const RESET_PHRASE = 'REDEFINIR';

/** True when what was typed is the phrase (spaces around it don't count). */
export const isResetPhrase = (typed: string): boolean => typed.trim() === RESET_PHRASE;
