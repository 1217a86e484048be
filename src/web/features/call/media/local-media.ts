import { errorName, insecureProblem, mediaProblemOf } from './media-problem';
import type { MediaProblem } from './media-problem';

/**
 * Camera, microphone, speaker and screen: getUserMedia with chosen devices, each failure turned
 * into a MediaProblem (media-problem.ts). No React here.
 */
export interface DeviceOption {
  deviceId: string;
  label: string;
}

export interface DeviceLists {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  speakers: DeviceOption[];
}

const VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30, max: 30 } };
const AUDIO: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };

function hasMediaDevices(): boolean {
  return typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
}

async function getTrack(kind: 'camera' | 'microphone', deviceId: string | undefined): Promise<MediaStreamTrack> {
  const base = kind === 'camera' ? VIDEO : AUDIO;
  const withDevice: MediaTrackConstraints = deviceId ? { ...base, deviceId: { exact: deviceId } } : base;
  const constraints = (c: MediaTrackConstraints): MediaStreamConstraints => (kind === 'camera' ? { video: c } : { audio: c });
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia(constraints(withDevice));
  } catch (error) {
    // A remembered device that is gone: fall back to the default one.
    if (deviceId && (errorName(error) === 'OverconstrainedError' || errorName(error) === 'NotFoundError')) {
      stream = await navigator.mediaDevices.getUserMedia(constraints(base));
    } else {
      throw error;
    }
  }
  const track = kind === 'camera' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
  if (!track) throw new DOMException('No track', 'NotFoundError');
  if (kind === 'camera') track.contentHint = 'motion';
  else track.contentHint = 'speech';
  return track;
}

/** Turns on the camera (optionally a given one). Throws the browser's error. */
export function openCamera(deviceId?: string): Promise<MediaStreamTrack> {
  if (!hasMediaDevices()) return Promise.reject(new DOMException('getUserMedia unavailable', 'NotSupportedError'));
  return getTrack('camera', deviceId);
}

/** Turns on the microphone (optionally a given one). Throws the browser's error. */
export function openMicrophone(deviceId?: string): Promise<MediaStreamTrack> {
  if (!hasMediaDevices()) return Promise.reject(new DOMException('getUserMedia unavailable', 'NotSupportedError'));
  return getTrack('microphone', deviceId);
}

export interface LocalMedia {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  audioProblem: MediaProblem | null;
  videoProblem: MediaProblem | null;
}

/**
 * Camera and microphone together (one permission prompt), and each on its own when that fails,
 * so a broken camera still leaves a working microphone (and the reverse).
 */
export async function openLocalMedia(options: { cameraId?: string | undefined; microphoneId?: string | undefined } = {}): Promise<LocalMedia> {
  if (!hasMediaDevices()) {
    const problem = insecureProblem();
    return { audio: null, video: null, audioProblem: problem, videoProblem: problem };
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: options.microphoneId ? { ...AUDIO, deviceId: { exact: options.microphoneId } } : AUDIO,
      video: options.cameraId ? { ...VIDEO, deviceId: { exact: options.cameraId } } : VIDEO,
    });
    const audio = stream.getAudioTracks()[0] ?? null;
    const video = stream.getVideoTracks()[0] ?? null;
    if (audio) audio.contentHint = 'speech';
    if (video) video.contentHint = 'motion';
    const missing = (kind: 'camera' | 'microphone') => mediaProblemOf(new DOMException('missing', 'NotFoundError'), kind);
    return { audio, video, audioProblem: audio ? null : missing('microphone'), videoProblem: video ? null : missing('camera') };
  } catch {
    // Try each device alone to learn which one failed.
  }
  const [audio, video] = await Promise.allSettled([getTrack('microphone', options.microphoneId), getTrack('camera', options.cameraId)]);
  return {
    audio: audio.status === 'fulfilled' ? audio.value : null,
    video: video.status === 'fulfilled' ? video.value : null,
    audioProblem: audio.status === 'rejected' ? mediaProblemOf(audio.reason, 'microphone') : null,
    videoProblem: video.status === 'rejected' ? mediaProblemOf(video.reason, 'camera') : null,
  };
}

/** Cameras, microphones and speakers (names appear once permission was given). */
export async function listDevices(): Promise<DeviceLists> {
  const lists: DeviceLists = { cameras: [], microphones: [], speakers: [] };
  if (!navigator.mediaDevices?.enumerateDevices) return lists;
  const devices = await navigator.mediaDevices.enumerateDevices();
  const counters = { videoinput: 0, audioinput: 0, audiooutput: 0 };
  for (const d of devices) {
    if (!d.deviceId) continue;
    if (d.kind === 'videoinput') lists.cameras.push({ deviceId: d.deviceId, label: d.label || `Câmera ${++counters.videoinput}` });
    else if (d.kind === 'audioinput') lists.microphones.push({ deviceId: d.deviceId, label: d.label || `Microfone ${++counters.audioinput}` });
    else if (d.kind === 'audiooutput') lists.speakers.push({ deviceId: d.deviceId, label: d.label || `Saída de som ${++counters.audiooutput}` });
  }
  return lists;
}

/** The device a live track comes from. */
export function deviceIdOf(track: MediaStreamTrack | null): string {
  return track?.getSettings().deviceId ?? '';
}

/** True where the browser lets a page choose the speaker (Chrome, Edge, Firefox; not Safari on iOS). */
export function supportsSpeakerChoice(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Sends audio of a media element to a chosen speaker, where supported. */
export async function setSpeaker(element: HTMLMediaElement | null, deviceId: string): Promise<void> {
  if (!element || !supportsSpeakerChoice()) return;
  await (element as HTMLMediaElement & { setSinkId: (id: string) => Promise<void> }).setSinkId(deviceId);
}

/** Screen sharing exists on desktop browsers only (phones have no getDisplayMedia). */
export function supportsScreenShare(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getDisplayMedia === 'function' &&
    !/Android|iPhone|iPad|iPod|Mobile/i.test(navigator.userAgent)
  );
}

/** Asks the person which screen or window to share; resolves with its video track. */
export async function openScreen(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 30 } }, audio: false });
  const track = stream.getVideoTracks()[0];
  if (!track) throw new DOMException('No screen track', 'NotFoundError');
  track.contentHint = 'detail';
  return track;
}

/** Stops tracks (the camera light goes off), ignoring nulls. */
export function stopTracks(...tracks: (MediaStreamTrack | null | undefined)[]): void {
  for (const t of tracks) t?.stop();
}
