/**
 * Avatar helpers: initials and a stable background colour for a person's name.
 */

import { nameWithoutTitle } from './person-name';

// Portuguese connectives that are part of surnames but never used as initials.
const PARTICLES: ReadonlySet<string> = new Set(['da', 'de', 'do', 'das', 'dos', 'e']);

// A letter plus any combining marks, so decomposed accents ("E\u0301") stay attached.
const FIRST_LETTER = /\p{L}\p{M}*/u;

function firstLetter(word: string): string | null {
  const m = FIRST_LETTER.exec(word);
  return m ? m[0].toLocaleUpperCase('pt-BR') : null;
}

/**
 * Returns up to two upper-case initials: first letter of the first and last
 * word, skipping Portuguese particles (`da`, `de`, `do`, `das`, `dos`, `e`)
 * and words without letters. Accents are kept ("Érica Souza" → "ÉS").
 * Titles in front are not part of the person ("Dra. Helena Duarte" → "HD").
 * A single name gives one letter; an empty name gives `"?"`.
 */
export function initialsOf(name: string): string {
  const words = nameWithoutTitle(name.normalize('NFC'))
    .split(/\s+/)
    .filter((w) => firstLetter(w) !== null);
  const significant = words.filter((w) => !PARTICLES.has(w.toLocaleLowerCase('pt-BR')));
  // A name made only of particles is odd but still deserves initials.
  const pool = significant.length > 0 ? significant : words;
  const first = pool[0];
  if (first === undefined) return '?';
  const last = pool.length > 1 ? pool[pool.length - 1] : undefined;
  return (firstLetter(first) ?? '') + (last === undefined ? '' : (firstLetter(last) ?? ''));
}

/**
 * Avatar background colours. All are dark enough for white text to meet
 * WCAG AA (contrast ≥ 4.5:1) and differ enough in hue to tell people apart.
 */
export const AVATAR_COLORS = Object.freeze([
  '#B91C1C', // red
  '#C2410C', // orange
  '#A16207', // amber
  '#15803D', // green
  '#0F766E', // teal
  '#0369A1', // sky
  '#1D4ED8', // blue
  '#6D28D9', // violet
  '#A21CAF', // fuchsia
  '#BE185D', // pink
] as const);

/**
 * Returns a colour from {@link AVATAR_COLORS} chosen by hashing the name, so
 * the same person always gets the same colour. Letter case, Unicode
 * normalisation form and extra spaces do not change the result.
 */
export function avatarColorOf(name: string): string {
  const key = name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('pt-BR');
  // FNV-1a: tiny, fast and spreads similar names across the palette.
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return AVATAR_COLORS[(hash >>> 0) % AVATAR_COLORS.length] ?? '#1D4ED8';
}
