import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeMediaStream, FakeTrack } from '#web/features/call/testing/fake-media.ts';
import {
  deviceIdOf,
  listDevices,
  openCamera,
  openLocalMedia,
  openMicrophone,
  openScreen,
  setSpeaker,
  stopTracks,
  supportsScreenShare,
  supportsSpeakerChoice,
} from './local-media';

const failure = (name: string) => new DOMException(name, name);
const stream = (...tracks: FakeTrack[]) => new FakeMediaStream(tracks);

let getUserMedia: ReturnType<typeof vi.fn>;

function devices(over: Record<string, unknown> = {}) {
  getUserMedia = vi.fn();
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156', mediaDevices: { getUserMedia, ...over } });
}

beforeEach(() => devices());
afterEach(() => vi.unstubAllGlobals());

describe('openLocalMedia', () => {
  it('opens camera and microphone in one prompt, with the remembered devices', async () => {
    getUserMedia.mockResolvedValue(stream(new FakeTrack('audio'), new FakeTrack('video')));
    const media = await openLocalMedia({ cameraId: 'cam-2', microphoneId: 'mic-2' });
    expect(getUserMedia).toHaveBeenCalledOnce();
    const constraints = getUserMedia.mock.calls[0]![0];
    expect(constraints.video).toMatchObject({ deviceId: { exact: 'cam-2' }, width: { ideal: 1280 } });
    expect(constraints.audio).toMatchObject({ deviceId: { exact: 'mic-2' }, echoCancellation: true });
    expect(media).toMatchObject({ audioProblem: null, videoProblem: null });
    expect([media.audio?.contentHint, media.video?.contentHint]).toEqual(['speech', 'motion']);
  });

  it('says which device is missing when the stream lacks it', async () => {
    getUserMedia.mockResolvedValue(stream(new FakeTrack('audio')));
    const media = await openLocalMedia();
    expect(media.video).toBeNull();
    expect(media.videoProblem).toMatchObject({ kind: 'not_found', title: 'Nenhuma câmera encontrada' });
  });

  it('tries each device alone when both together fail, so a broken camera leaves the microphone working', async () => {
    getUserMedia.mockImplementation(async (c: MediaStreamConstraints) => {
      if (c.audio && c.video) throw failure('NotReadableError');
      if (c.video) throw failure('NotReadableError');
      return stream(new FakeTrack('audio'));
    });
    const media = await openLocalMedia();
    expect(media.audio).not.toBeNull();
    expect(media.video).toBeNull();
    expect(media.videoProblem?.kind).toBe('in_use');
    expect(media.audioProblem).toBeNull();
  });

  it('explains an insecure page or an old browser', async () => {
    vi.stubGlobal('navigator', {});
    const media = await openLocalMedia();
    expect(media.audioProblem?.kind).toBe('insecure');
    await expect(openCamera()).rejects.toMatchObject({ name: 'NotSupportedError' });
    await expect(openMicrophone()).rejects.toMatchObject({ name: 'NotSupportedError' });
  });
});

describe('openCamera and openMicrophone', () => {
  it('fall back to the default device when the remembered one is gone', async () => {
    getUserMedia.mockRejectedValueOnce(failure('OverconstrainedError')).mockResolvedValueOnce(stream(new FakeTrack('video')));
    const track = await openCamera('gone');
    expect(track.contentHint).toBe('motion');
    expect(getUserMedia.mock.calls[1]![0].video.deviceId).toBeUndefined();
  });

  it('throw the browser’s error otherwise, or NotFoundError for a stream without the track', async () => {
    getUserMedia.mockRejectedValueOnce(failure('NotAllowedError'));
    await expect(openMicrophone('mic')).rejects.toMatchObject({ name: 'NotAllowedError' });
    getUserMedia.mockResolvedValueOnce(stream());
    await expect(openMicrophone()).rejects.toMatchObject({ name: 'NotFoundError' });
    getUserMedia.mockResolvedValueOnce(stream(new FakeTrack('audio')));
    expect((await openMicrophone()).contentHint).toBe('speech');
  });
});

describe('devices, speaker and screen', () => {
  it('lists cameras, microphones and speakers, naming those without a label', async () => {
    devices({
      enumerateDevices: async () => [
        { kind: 'videoinput', deviceId: 'c1', label: '' },
        { kind: 'audioinput', deviceId: 'm1', label: 'Headset' },
        { kind: 'audiooutput', deviceId: 's1', label: '' },
        { kind: 'audioinput', deviceId: '', label: 'hidden before permission' },
      ],
    });
    expect(await listDevices()).toEqual({
      cameras: [{ deviceId: 'c1', label: 'Câmera 1' }],
      microphones: [{ deviceId: 'm1', label: 'Headset' }],
      speakers: [{ deviceId: 's1', label: 'Saída de som 1' }],
    });
    vi.stubGlobal('navigator', {});
    expect(await listDevices()).toEqual({ cameras: [], microphones: [], speakers: [] });
  });

  it('reads a track’s device and sends sound to a chosen speaker where the browser can', async () => {
    expect(deviceIdOf(new FakeTrack('audio', 'mic-9') as unknown as MediaStreamTrack)).toBe('mic-9');
    expect(deviceIdOf(null)).toBe('');
    expect(supportsSpeakerChoice()).toBe(false);
    await setSpeaker({} as HTMLMediaElement, 's1');
    class Element {
      async setSinkId(): Promise<void> {}
    }
    vi.stubGlobal('HTMLMediaElement', Element);
    const element = new Element();
    const sink = vi.spyOn(element, 'setSinkId');
    await setSpeaker(element as unknown as HTMLMediaElement, 's1');
    expect(sink).toHaveBeenCalledWith('s1');
    await setSpeaker(null, 's1');
  });

  it('shares the screen on desktop browsers only', async () => {
    expect(supportsScreenShare()).toBe(false);
    const getDisplayMedia = vi
      .fn()
      .mockResolvedValueOnce(stream(new FakeTrack('video')))
      .mockResolvedValueOnce(stream());
    devices({ getDisplayMedia });
    expect(supportsScreenShare()).toBe(true);
    expect((await openScreen()).contentHint).toBe('detail');
    await expect(openScreen()).rejects.toMatchObject({ name: 'NotFoundError' });
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (iPhone) Mobile', mediaDevices: { getDisplayMedia } });
    expect(supportsScreenShare()).toBe(false);
  });

  it('stops tracks, ignoring nulls', () => {
    const track = new FakeTrack('video');
    stopTracks(track as unknown as MediaStreamTrack, null, undefined);
    expect(track.stopped).toBe(true);
  });
});
