/**
 * The API answers the server wrote into the page's HTML for the signed-in person
 * (server/plugins/first-screen-data.ts, docs/decisions/027-first-answers-in-the-html.md): the
 * first GET of each of those URLs takes its answer from there instead of the network.
 *
 * Each answer is used once (a later refetch asks the server), and only while the page is young:
 * they are as old as the HTML, and the query that takes one counts as fresh for its staleTime
 * after that (app/query-client.ts), so a slow load or a URL first asked for later goes to the
 * network. They are one person's data: the script element goes once read, and what is left is
 * forgotten at sign-out (lib/personal-storage.ts), so the next person on a shared computer gets
 * none of it.
 */
const MAX_AGE_MS = 10_000;

let answers: Map<string, unknown> | undefined;

function readAnswers(): Map<string, unknown> {
  if (typeof document === 'undefined') return new Map();
  const script = document.getElementById('first-data');
  const text = script?.textContent;
  script?.remove();
  if (!text) return new Map();
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? new Map(Object.entries(parsed)) : new Map();
  } catch {
    return new Map();
  }
}

/** The page's answer for this GET, once, while it is fresh; undefined means "ask the server". */
export function takeFirstAnswer(path: string): { body: unknown } | undefined {
  answers ??= readAnswers();
  if (!answers.has(path)) return undefined;
  if (performance.now() > MAX_AGE_MS) {
    answers.clear();
    return undefined;
  }
  const body = answers.get(path);
  answers.delete(path);
  return { body };
}

/** Drops whatever answers are left, and the page's script with them (sign-out, session ended). */
export function forgetFirstAnswers(): void {
  answers ??= readAnswers();
  answers.clear();
}
