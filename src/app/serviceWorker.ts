import { useSyncExternalStore } from 'react';
import { Workbox } from 'workbox-window';
import { DEPLOYMENT_CONFIG_FILE } from './deploymentConfigFile.ts';
import { flushUnsavedEdits } from './unsavedEdits.ts';

/**
 * Why this page can or cannot open without the server:
 * - insecure: plain HTTP on a non-loopback host, where browsers refuse service workers;
 * - unavailable: a secure page whose browser still has none (private window, policy);
 * - supported: the worker can be registered.
 */
export type OfflineSupport = 'insecure' | 'unavailable' | 'supported';

/** Where the offline copy stands; `disabled` is the dev server, which has no worker. */
export type OfflineStatus =
  Exclude<OfflineSupport, 'supported'> | 'disabled' | 'installing' | 'ready' | 'failed';

export interface ServiceWorkerState {
  offline: OfflineStatus;
  /** A new build is installed and waits for 「更新する」 (or another tab already switched). */
  isUpdateReady: boolean;
}

/** Reads what the browser offers this page; safe where `window` or the APIs are missing. */
export function detectOfflineSupport(): OfflineSupport {
  if (typeof window === 'undefined') return 'unavailable';
  if (window.isSecureContext === false) return 'insecure';
  // On insecure origins Chromium removes `navigator.serviceWorker` entirely.
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker) return 'unavailable';
  return 'supported';
}

let state: ServiceWorkerState = { offline: initialStatus(), isUpdateReady: false };
const listeners = new Set<() => void>();
let workbox: Workbox | null = null;
let registration: ServiceWorkerRegistration | null = null;
let isUpdateRequested = false;

function initialStatus(): OfflineStatus {
  const support = detectOfflineSupport();
  if (support !== 'supported') return support;
  return navigator.serviceWorker.controller ? 'ready' : 'installing';
}

function setState(patch: Partial<ServiceWorkerState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function getServiceWorkerState(): ServiceWorkerState {
  return state;
}

export function subscribeServiceWorkerState(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The offline status and update prompt state, live. */
export function useServiceWorkerState(): ServiceWorkerState {
  return useSyncExternalStore(subscribeServiceWorkerState, getServiceWorkerState);
}

// Staff keep the app open all day; look for a new build now and then (the browser also does
// on every navigation). A failed check (server down) is normal here and stays silent.
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Registers sw.js (built by vite-plugin-pwa) next to index.html. Never reloads by itself:
 * a new build only shows the prompt. Does nothing, without throwing, where workers are
 * unavailable (plain HTTP) or in the dev server.
 */
export function registerServiceWorker(): void {
  if (workbox) return;
  const support = detectOfflineSupport();
  if (support !== 'supported') {
    setState({ offline: support });
    return;
  }
  if (!import.meta.env.PROD) {
    setState({ offline: 'disabled' });
    return;
  }
  const hadController = Boolean(navigator.serviceWorker.controller);
  const wb = new Workbox('./sw.js', { scope: './' });
  workbox = wb;
  // Also fires for a build that was already waiting when this page loaded.
  wb.addEventListener('waiting', () => setState({ isUpdateReady: true }));
  wb.addEventListener('controlling', () => {
    if (isUpdateRequested) {
      window.location.reload();
    } else if (hadController) {
      // Another tab applied an update: this page still runs the old code, so offer a reload.
      setState({ isUpdateReady: true });
    } else {
      // First install took over the page (clientsClaim): it now opens offline.
      setState({ offline: 'ready' });
      warmDeploymentConfig();
    }
  });
  wb.addEventListener('redundant', () => {
    // The first install failed (e.g. a file missing on the server): nothing works offline yet.
    if (!navigator.serviceWorker.controller) setState({ offline: 'failed' });
  });
  setState({ offline: hadController ? 'ready' : 'installing' });
  wb.register()
    .then(async (reg) => {
      registration = reg ?? null;
      await wb.active;
      setState({ offline: 'ready' });
      window.setInterval(() => void checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);
    })
    .catch(() => setState({ offline: 'failed' }));
}

/**
 * The IT section's sonae.config.json is not precached (it is edited on the server; the worker
 * serves it network-first). Fetching it once through the new worker stores a copy, so imports
 * can use its pre-trusted keys offline even if no exchange screen was opened online.
 */
function warmDeploymentConfig(): void {
  void fetch(new URL(DEPLOYMENT_CONFIG_FILE, document.baseURI), { cache: 'no-store' }).catch(() => {
    // Server gone already: the exchange screens fetch it again next time.
  });
}

/** Asks the server for a newer sw.js; quietly does nothing when it cannot be reached. */
export async function checkForUpdate(): Promise<void> {
  if (!workbox || !navigator.onLine) return;
  try {
    await workbox.update();
  } catch {
    // Server or network down: the installed build keeps working; try again later.
  }
}

/**
 * Switches to the waiting build: writes every form's pending draft first, then lets the new
 * worker take over and reloads when it controls the page. Rejects, without reloading, when a
 * draft could not be written.
 */
export async function applyUpdate(): Promise<void> {
  await flushUnsavedEdits();
  if (!workbox || !registration?.waiting) {
    // Another tab already activated the new build; only this page is left on the old code.
    window.location.reload();
    return;
  }
  isUpdateRequested = true;
  workbox.messageSkipWaiting();
}
