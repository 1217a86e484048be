const KEYS = { microphoneId: 'mc-microphone', cameraId: 'mc-camera', speakerId: 'mc-speaker' } as const;

export type RememberedDevice = keyof typeof KEYS;

/** The device this browser chose last time ('' for the default one). */
export function remembered(key: RememberedDevice): string {
  try {
    return localStorage.getItem(KEYS[key]) ?? '';
  } catch {
    return '';
  }
}

export function remember(key: RememberedDevice, value: string): void {
  try {
    localStorage.setItem(KEYS[key], value);
  } catch {
    // Private mode: the choice lasts for this visit only.
  }
}
