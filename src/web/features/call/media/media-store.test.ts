import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTrack, flush } from '#web/features/call/testing/fake-media.ts';
import { openCamera, openLocalMedia, openMicrophone, openScreen } from './local-media';
import { mediaProblemOf } from './media-problem';
import { LocalMediaStore } from './media-store';

vi.mock('./local-media', () => ({ openLocalMedia: vi.fn(), openCamera: vi.fn(), openMicrophone: vi.fn(), openScreen: vi.fn() }));

const track = (kind: 'audio' | 'video') => new FakeTrack(kind) as unknown as MediaStreamTrack & FakeTrack;
const denied = new DOMException('denied', 'NotAllowedError');
let storage: Map<string, string>;

beforeEach(() => {
  storage = new Map([['mc-camera', 'cam-1']]);
  vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
  vi.mocked(openLocalMedia).mockImplementation(async () => ({ audio: track('audio'), video: track('video'), audioProblem: null, videoProblem: null }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetAllMocks();
});

async function opened(): Promise<LocalMediaStore> {
  const store = new LocalMediaStore();
  await store.open();
  return store;
}

describe('LocalMediaStore', () => {
  it('opens camera and microphone with the remembered devices and tells its subscribers', async () => {
    const store = new LocalMediaStore();
    const seen: boolean[] = [];
    const unsubscribe = store.subscribe(() => seen.push(store.getSnapshot().opening));
    const opening = store.open();
    expect(store.getSnapshot().opening).toBe(true);
    await opening;
    unsubscribe();
    expect(vi.mocked(openLocalMedia)).toHaveBeenCalledWith({ cameraId: 'cam-1', microphoneId: undefined });
    expect(seen).toEqual([true, false]);
    const s = store.getSnapshot();
    expect([s.micOn, s.camera !== null, store.microphone === s.microphone, store.outgoingVideo === s.camera]).toEqual([true, true, true, true]);
  });

  it('throws away devices that arrive after stopAll (the person left while the prompt was open)', async () => {
    const store = new LocalMediaStore();
    const opening = store.open();
    store.stopAll();
    await opening;
    expect(store.getSnapshot()).toMatchObject({ camera: null, microphone: null, opening: false });
    const result = await vi.mocked(openLocalMedia).mock.results[0]!.value;
    expect(result.audio.stopped && result.video.stopped).toBe(true);
  });

  it('mutes, turns the camera off (light off) and on again, and says why it failed', async () => {
    const store = await opened();
    const camera = store.getSnapshot().camera as unknown as FakeTrack;
    store.setMicOn(false);
    expect([store.getSnapshot().micOn, store.microphone!.enabled]).toEqual([false, false]);
    await store.setCameraOn(false);
    expect(camera.stopped).toBe(true);
    vi.mocked(openCamera).mockResolvedValueOnce(track('video'));
    await store.setCameraOn(true);
    await store.setCameraOn(true);
    expect(vi.mocked(openCamera)).toHaveBeenCalledOnce();
    await store.setCameraOn(false);
    vi.mocked(openCamera).mockRejectedValueOnce(denied);
    await expect(store.setCameraOn(true)).rejects.toBe(denied);
    expect(store.getSnapshot().videoProblem).toMatchObject({ kind: 'denied' });
    new LocalMediaStore().setMicOn(true);
  });

  it('switches camera and microphone, remembering the choice and keeping the mute', async () => {
    const store = await opened();
    const oldMic = store.microphone as unknown as FakeTrack;
    store.setMicOn(false);
    vi.mocked(openMicrophone).mockResolvedValueOnce(track('audio'));
    await store.selectMicrophone('mic-2');
    expect([storage.get('mc-microphone'), store.getSnapshot().micOn, store.microphone!.enabled, oldMic.stopped]).toEqual(['mic-2', false, false, true]);
    vi.mocked(openCamera).mockResolvedValueOnce(track('video'));
    await store.selectCamera('cam-2');
    expect(storage.get('mc-camera')).toBe('cam-2');
    vi.mocked(openCamera).mockRejectedValueOnce(denied);
    await expect(store.selectCamera('cam-3')).rejects.toBe(denied);
    vi.mocked(openMicrophone).mockRejectedValueOnce(denied);
    await expect(store.selectMicrophone('mic-3')).rejects.toBe(denied);
    expect(store.getSnapshot().audioProblem).toMatchObject({ kind: 'denied' });
    store.selectSpeaker('s-2');
    expect([store.getSnapshot().speakerId, storage.get('mc-speaker')]).toEqual(['s-2', 's-2']);
    // Camera off: the choice is only remembered.
    await store.setCameraOn(false);
    await store.selectCamera('cam-4');
    expect(vi.mocked(openCamera)).toHaveBeenCalledTimes(2);
  });

  it('drops what failed to enter with less, and reopens a microphone that was missing', async () => {
    const store = await opened();
    store.release('camera');
    expect(store.getSnapshot().camera).toBeNull();
    store.release('both');
    expect([store.getSnapshot().microphone, store.getSnapshot().micOn]).toEqual([null, false]);
    vi.mocked(openMicrophone).mockResolvedValueOnce(track('audio'));
    await store.reopenMicrophone();
    await store.reopenMicrophone();
    expect(vi.mocked(openMicrophone)).toHaveBeenCalledOnce();
    expect(store.getSnapshot().micOn).toBe(true);
  });

  it('shows a device that went away (unplugged) as off', async () => {
    const store = await opened();
    (store.getSnapshot().camera as unknown as FakeTrack).end();
    (store.microphone as unknown as FakeTrack).end();
    expect(store.getSnapshot()).toMatchObject({ camera: null, microphone: null, micOn: false });
  });

  it('shares the screen instead of the camera until stopped here or in the browser', async () => {
    const store = await opened();
    const screen = track('video');
    vi.mocked(openScreen).mockResolvedValueOnce(screen).mockResolvedValueOnce(track('video'));
    await store.startScreenShare();
    expect(store.outgoingVideo).toBe(screen);
    screen.end();
    expect(store.getSnapshot().screen).toBeNull();
    await store.startScreenShare();
    store.stopScreenShare();
    expect(store.outgoingVideo).toBe(store.getSnapshot().camera);
  });

  it('lives without localStorage (private mode): choices last for the visit', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    const store = new LocalMediaStore();
    store.selectSpeaker('s-1');
    expect(store.getSnapshot()).toMatchObject({ speakerId: 's-1', cameraId: '' });
    await flush();
    expect(mediaProblemOf(denied, 'camera').kind).toBe('denied');
  });
});
