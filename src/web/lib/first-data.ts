/**
 * The API answers the server wrote into the page's HTML for the signed-in person
 * (server/plugins/first-screen-data.ts, docs/decisions/027-first-answers-in-the-html.md): the
 * first GET of each of those URLs takes its answer from there instead of the network.
 *
 * Each answer is used once (a later refetch asks the server), and only while the page is young:
 * they are as old as the HTML, so a slow load or a URL first asked for minutes later goes to the
 * network, like a cached query past its staleTime (app/query-client.ts).
 */
const MAX_AGE_MS = 30_000;

let answers: Map<string, unknown> | undefined;

function readAnswers(): Map<string, unknown> {
  const text = typeof document === 'undefined' ? null : document.getElementById('first-data')?.textContent;
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
