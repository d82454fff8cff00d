/// <reference lib="webworker" />
// The Web Worker that checks a bundle file off the page's thread (checkBundleInWorker.ts).
import { runBundleCheck, type WorkerRequest } from './bundleCheckMessages.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  void runBundleCheck(event.data, (message) => self.postMessage(message));
};
