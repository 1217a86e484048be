import { remembered } from './device-memory';
import type { MediaProblem } from './media-problem';

/** Everything the screens need to know about our own camera, microphone and screen. */
export interface MediaSnapshot {
  microphone: MediaStreamTrack | null;
  camera: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
  /** Microphone present and not muted. */
  micOn: boolean;
  audioProblem: MediaProblem | null;
  videoProblem: MediaProblem | null;
  /** True while getUserMedia is asking (permission prompt may be open). */
  opening: boolean;
  microphoneId: string;
  cameraId: string;
  speakerId: string;
}

/** Nothing open yet; the devices chosen on an earlier visit. */
export function initialSnapshot(): MediaSnapshot {
  return {
    microphone: null,
    camera: null,
    screen: null,
    micOn: false,
    audioProblem: null,
    videoProblem: null,
    opening: false,
    microphoneId: remembered('microphoneId'),
    cameraId: remembered('cameraId'),
    speakerId: remembered('speakerId'),
  };
}
