/** "Dr(a). Ana Souza", unless the name already starts with a title ("Dra. Helena Duarte"). */
export function doctorTitle(name: string): string {
  const trimmed = name.trim();
  return /^(dr|dra|dr\(a\))\.?\s/i.test(trimmed) ? trimmed : `Dr(a). ${trimmed}`;
}
