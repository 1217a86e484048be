/**
 * The session id of an SDP's origin line (`o=- 4611731400430051336 2 IN IP4 127.0.0.1`). It is
 * fixed for the life of a peer connection and changes when the other side starts a new one (page
 * reloaded, connection recreated), which is how we tell a renegotiation from a fresh peer.
 */
export function sessionIdOf(sdp: string | undefined): string | null {
  if (!sdp) return null;
  const match = /^o=\S+ (\d+) /m.exec(sdp);
  return match?.[1] ?? null;
}
