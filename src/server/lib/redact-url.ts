/** Path segments that are secrets themselves: invite and new-password tokens in the API and in their pages. */
const SECRET_SEGMENT = /^(\/api\/invites\/|\/convite\/|\/api\/password-resets\/|\/nova-senha\/)[^/?#]+/;
/** Query parameters that carry secrets (Socket.IO's `sid` lets whoever holds it speak for a socket). */
const SECRET_PARAM = /^(token|sid|code|password|secret|key|access_token)$/i;

/** A URL fit for the log: invite tokens and secret query values replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q === -1 ? url : url.slice(0, q)).replace(SECRET_SEGMENT, '$1[redacted]');
  if (q === -1) return path;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // A malformed name is logged as sent.
      }
      return eq !== -1 && SECRET_PARAM.test(decoded) ? `${name}=[redacted]` : pair;
    });
  return `${path}?${params.join('&')}`;
}
