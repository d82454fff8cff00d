/// <reference lib="webworker" />
// The Web Worker that checks a bundle file off the page's thread, or helps another one check it
// (checkBundleInWorker.ts).
import { bundleWorkerHandler, type AnyWorkerRequest } from './bundleCheckMessages.ts';

declare const self: DedicatedWorkerGlobalScope;

const handle = bundleWorkerHandler((message) => self.postMessage(message));
self.onmessage = (event: MessageEvent<AnyWorkerRequest>) => handle(event.data);
