import type { Station } from '../domain/station.ts';
import { actorNameOf, operatorOf } from '../domain/operator.ts';

// The operator chosen in the header (PRODUCT.md decision 6), kept for this browser tab's session:
// sessionStorage survives a reload but not a new tab or a closed browser, so the next person at a
// shared counter PC is asked again. No React and no Dexie here, so every writer in src/db (the
// audit trail, 持ち出し記録) can read it.

// The key names the station, since one origin may serve several copies of Sonae (one database
// each) and a choice made for one station must not name someone at another.
const KEY_PREFIX = 'sonae:operator:';

type Listener = () => void;
const listeners = new Set<Listener>();
/** Used when sessionStorage is unavailable (storage blocked): the choice lasts as long as the page. */
const inMemory = new Map<string, string>();

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // a SecurityError when the browser blocks storage for this site
  }
}

/** The name chosen in this session for `stationId`, or null. */
export function getOperator(stationId: string): string | null {
  const key = KEY_PREFIX + stationId;
  try {
    const store = storage();
    if (store) return store.getItem(key);
  } catch {
    // blocked: the in-memory copy below
  }
  return inMemory.get(key) ?? null;
}

/** Sets (or, with null, forgets) the operator of this session and tells every subscriber. */
export function setOperator(stationId: string, name: string | null): void {
  const key = KEY_PREFIX + stationId;
  const value = name?.trim() || null;
  if (value) inMemory.set(key, value);
  else inMemory.delete(key);
  try {
    const store = storage();
    if (value) store?.setItem(key, value);
    else store?.removeItem(key);
  } catch {
    // quota or blocked storage: the in-memory copy still holds it for this page
  }
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribeOperator(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The person at the keyboard of `station` now, or null when nobody is known (see operatorOf). */
export function currentOperator(station: Pick<Station, 'id' | 'staffName' | 'staffNames'>) {
  return operatorOf(station, getOperator(station.id));
}

/** The name every trace written now carries: the operator, else 担当者名, else the terminal. */
export function currentActorName(
  station: Pick<Station, 'id' | 'staffName' | 'staffNames' | 'terminal'>,
): string {
  return actorNameOf(station, getOperator(station.id));
}
