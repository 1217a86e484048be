import { useEffect, useState, useSyncExternalStore } from 'react';
import type { LocalMediaStore } from '#web/features/call/media/media-store.ts';
import type { MediaSnapshot } from '#web/features/call/media/media-snapshot.ts';
import { listDevices } from '#web/features/call/media/local-media.ts';
import type { DeviceLists } from '#web/features/call/media/local-media.ts';

/** The local media store's current state, re-rendering on every change. */
export function useMediaSnapshot(store: LocalMediaStore): MediaSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Cameras, microphones and speakers, refreshed when devices change or permission arrives. */
export function useDevices(refreshKey: unknown): DeviceLists {
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], microphones: [], speakers: [] });
  useEffect(() => {
    let cancelled = false;
    const load = () => {
      listDevices().then(
        (lists) => {
          if (!cancelled) setDevices(lists);
        },
        () => undefined,
      );
    };
    load();
    navigator.mediaDevices?.addEventListener?.('devicechange', load);
    return () => {
      cancelled = true;
      navigator.mediaDevices?.removeEventListener?.('devicechange', load);
    };
  }, [refreshKey]);
  return devices;
}

/** The current time, ticking every `ms` while `active`. */
export function useNow(active: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [active, ms]);
  return now;
}
