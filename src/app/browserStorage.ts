import { useCallback, useEffect, useState } from 'react';

/** What the browser says about this origin's storage; fields are null where it cannot tell. */
export interface BrowserStorageInfo {
  /** `navigator.storage` exists (it does not on plain-HTTP origins). */
  isAvailable: boolean;
  isPersisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

const unavailable: BrowserStorageInfo = {
  isAvailable: false,
  isPersisted: null,
  usage: null,
  quota: null,
};

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

/** Reads persistence and usage/quota; never throws. */
export async function readBrowserStorage(): Promise<BrowserStorageInfo> {
  const storage = storageManager();
  if (!storage) return unavailable;
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return {
    isAvailable: true,
    isPersisted: persisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
  };
}

/**
 * Asks the browser not to evict this origin's data under storage pressure. Browsers decide by
 * their own rules (Chromium: bookmarked or often-used sites), so `false` is a normal answer.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist) return false;
  try {
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Live browser storage info for a screen, with a `refresh` after changes. */
export function useBrowserStorage(): { info: BrowserStorageInfo | undefined; refresh: () => void } {
  const [info, setInfo] = useState<BrowserStorageInfo>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void readBrowserStorage().then((next) => {
      if (isCurrent) setInfo(next);
    });
    return () => {
      isCurrent = false;
    };
  }, [generation]);
  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { info, refresh };
}

let askedThisSession = false;

/**
 * Asks once per page load for persistent storage where the browser offers it and it is not
 * granted yet (issue 14: keep the data where it can). Chromium answers from its own signals
 * without a prompt; on plain HTTP there is no `navigator.storage` and this does nothing.
 */
export async function askPersistenceOnce(): Promise<void> {
  if (askedThisSession) return;
  askedThisSession = true;
  const info = await readBrowserStorage();
  if (info.isAvailable && info.isPersisted === false) await requestPersistentStorage();
}
