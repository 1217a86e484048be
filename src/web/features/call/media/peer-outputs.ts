import type { CallPeerOptions, LinkState } from './call-peer-types';
import type { ConnectionAttempt } from './connection-attempt';

/** What the person sees of the peer: the remote stream, the link state, and "connected" once per connection. */
export class PeerOutputs {
  private remoteStream: MediaStream | null = null;
  private link: LinkState = 'idle';

  constructor(private readonly options: Pick<CallPeerOptions, 'onRemoteStream' | 'onLinkState' | 'onConnected'>) {}

  get state(): LinkState {
    return this.link;
  }

  /** A remote track joins the stream, replacing the one of its kind. */
  addTrack(track: MediaStreamTrack): void {
    const others = this.remoteStream?.getTracks().filter((t) => t.kind !== track.kind) ?? [];
    this.setRemoteStream(new MediaStream([...others, track]));
  }

  setRemoteStream(stream: MediaStream | null): void {
    if (stream === this.remoteStream) return;
    this.remoteStream = stream;
    this.options.onRemoteStream(stream);
  }

  setLink(state: LinkState): void {
    if (state === this.link) return;
    this.link = state;
    this.options.onLinkState(state);
  }

  /** Once per connection, when it is connected and a remote track arrived (the server then starts the consultation). */
  reportConnected(attempt: ConnectionAttempt | null): void {
    if (!attempt || attempt.connectedReported || attempt.pc.connectionState !== 'connected' || !attempt.hasRemoteTrack) return;
    attempt.connectedReported = true;
    this.options.onConnected();
  }
}
