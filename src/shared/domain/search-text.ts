/**
 * The one definition of how people are found by typed text. The server stores
 * `userSearchText()` in `users.search_text` (indexed) and folds the typed term with
 * `foldForSearch()`, so both sides always agree; see docs/decisions/007-list-search.md.
 */

/**
 * Lower-case, without accents or other marks, whitespace collapsed: "  JOÃO  Araújo" → "joao araujo".
 * Lower-casing first, then NFKD, so "İ" and ligatures like "ﬁ" fold too.
 */
export function foldForSearch(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}

/**
 * What a person's row is searched by: name and e-mail, folded. The two are joined by a line
 * break, which a one-line search box cannot type, so no term matches across the two fields.
 */
export function userSearchText(user: { name: string; email: string }): string {
  return `${foldForSearch(user.name)}\n${foldForSearch(user.email)}`;
}

/** Terms shorter than this match the start of the name only (a trigram index needs three characters). */
export const MIN_SUBSTRING_TERM = 3;
