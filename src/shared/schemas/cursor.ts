import { z } from 'zod';

/*
 * Long lists (a patient followed for years, years of billing) come in pages, newest first, keyed
 * on (time, id): a page never repeats or skips an entry when new ones arrive at the top meanwhile.
 * The cursor is opaque to the client: it sends back `nextCursor` as it got it.
 */
export const CURSOR_PAGE_SIZE = 20;
export const CURSOR_PAGE_MAX = 100;

/** Where a page ends: the sort time and the id of its last item. */
export type PageCursor = { at: string; id: string };

function toBase64Url(ascii: string): string {
  return btoa(ascii).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Opaque cursor text for a small array of ASCII strings and numbers (base64url of its JSON). */
export function encodeCursorParts(parts: readonly (string | number)[]): string {
  return toBase64Url(JSON.stringify(parts));
}

/** The parsed JSON inside a cursor's text, or undefined when the text is not base64url JSON. */
export function decodeCursorParts(text: string): unknown {
  if (!/^[A-Za-z0-9_-]{1,300}$/.test(text)) return undefined;
  try {
    return JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/'))) as unknown;
  } catch {
    return undefined;
  }
}

/** The opaque text of a cursor (base64url of a small JSON array; times and ids are ASCII). */
export function encodePageCursor(c: PageCursor): string {
  return encodeCursorParts([c.at, c.id]);
}

const cursorParts = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);

/** The cursor back from its text, or null when it is not one of ours. */
export function decodePageCursor(text: string): PageCursor | null {
  if (text.length > 200) return null;
  const parsed = cursorParts.safeParse(decodeCursorParts(text));
  return parsed.success ? { at: parsed.data[0], id: parsed.data[1] } : null;
}

export const pageCursorSchema = z.string().transform((text, ctx) => {
  const cursor = decodePageCursor(text);
  if (!cursor) {
    ctx.addIssue({ code: 'custom', message: 'Página inválida. Recarregue a lista.' });
    return z.NEVER;
  }
  return cursor;
});

/** `?cursor=&limit=` of every paged record list; without a cursor, the first (newest) page. */
export const cursorPageQuerySchema = z.object({
  cursor: pageCursorSchema.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, { message: 'Tamanho de página inválido.' })
    .max(CURSOR_PAGE_MAX, { message: `No máximo ${CURSOR_PAGE_MAX} itens por página.` })
    .default(CURSOR_PAGE_SIZE),
});
export type CursorPageQuery = z.input<typeof cursorPageQuerySchema>;

/** One page of a record list; `nextCursor` is null on the last page. */
export function cursorPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export type CursorPage<T> = { items: T[]; nextCursor: string | null };
