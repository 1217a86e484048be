/**
 * "Dra. Helena Duarte" → "Dra. Helena"; "Helena Duarte" → "Helena Duarte": the title only when
 * the clinic wrote one, never a made-up "Dr(a).".
 */
export function doctorShortName(name: string): string {
  const words = name.trim().split(/\s+/);
  // A no-break space keeps "Dra." and the name on one line.
  return /^(dr|dra|dr\(a\))\.?$/i.test(words[0] ?? '') && words.length > 1 ? `${words[0]}\u00a0${words[1]}` : words.join(' ');
}
