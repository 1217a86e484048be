import { forgetFirstAnswers } from './first-data';

/**
 * Keys under this prefix in localStorage hold a person's data (e.g. unsent clinical notes), as
 * opposed to device preferences (chosen camera). They are wiped at logout, so nothing of one
 * person stays on a shared clinic computer for the next one.
 */
export const PERSONAL_PREFIX = 'medconnect:';

/** Forgets this person's data kept in the browser: stored keys, and the API answers the page came with. */
export function forgetPersonalData(storage: Pick<Storage, 'length' | 'key' | 'removeItem'> | null = safeLocalStorage()): void {
  forgetFirstAnswers();
  if (!storage) return;
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PERSONAL_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage blocked: there is nothing stored to forget.
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
