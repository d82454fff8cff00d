/// <reference lib="webworker" />
// Seals the bulk of an age payload off the page's thread (ageSealInWorker.ts).
import { sealFullChunks } from '../age/ageStream.ts';
import type { AgeSealReply, AgeSealRequest } from './ageSealInWorker.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<AgeSealRequest>) => {
  const { key, plain, firstCounter } = event.data;
  let reply: AgeSealReply;
  try {
    reply = { ok: true, sealed: sealFullChunks(key, plain, firstCounter) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply, reply.ok ? [reply.sealed.buffer] : []);
};
