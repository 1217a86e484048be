/**
 * People's names as written in the clinic: a doctor often registers as "Dra. Helena Duarte".
 * Greetings and avatars want the person, not the title ("Boa noite, Helena", "HD").
 */

// Courtesy and academic titles written before a name, with or without the dot ("Dra", "Dra.",
// "Dr(a).", "Profª", "Prof. Dr."). Compared without the dot, in lower case.
const TITLES: ReadonlySet<string> = new Set(['dr', 'dra', 'dr(a)', 'drª', 'prof', 'profa', 'profª', 'prof(a)', 'sr', 'sra', 'srta', 'enf', 'enfa', 'enfª']);

function isTitle(word: string): boolean {
  return TITLES.has(word.toLocaleLowerCase('pt-BR').replace(/\.$/, ''));
}

/**
 * The name without the titles in front of it: "Dra. Helena Duarte" → "Helena Duarte",
 * "Prof. Dr. Rafael Lima" → "Rafael Lima". A name that is only a title stays as it is.
 */
export function nameWithoutTitle(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  let start = 0;
  while (start < words.length - 1 && isTitle(words[start] ?? '')) start++;
  return words.slice(start).join(' ');
}

/** The first name, for friendly greetings: "Dra. Helena Duarte" → "Helena". */
export function firstNameOf(name: string): string {
  return nameWithoutTitle(name).split(' ')[0] ?? '';
}
