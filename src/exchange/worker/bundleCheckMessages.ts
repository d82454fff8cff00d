import type { ShareAnswer } from '../bundleContents.ts';
import type { TrustedKey } from '../bundleTrust.ts';
import { parseBundleAsync, type BundleResult, type ParsedBundle } from '../parseBundle.ts';
import { checkShare, shareFrom } from './bundleHelper.ts';

/**
 * A file's bytes as the page sends them to a worker: the bytes, or the chosen file itself, which
 * the worker reads. A Blob crosses without a copy; 111 MB of bytes copied for two workers made a
 * task of 0.2 s on the page at 50,000 incidents.
 */
export type FileSource = Uint8Array | Blob;

/** The bytes of `source`, read where the caller runs. */
export async function bytesOf(source: FileSource): Promise<Uint8Array> {
  return source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
}

/**
 * What the page sends the checking worker: the file and the keys this PC trusts; `shared` when a
 * helper worker checks part of the records at the same time (its answer follows as a
 * 'shareAnswer' request).
 */
export interface WorkerRequest {
  bytes: FileSource;
  trustedKeys: readonly TrustedKey[];
  maxBytes?: number;
  shared?: boolean;
}

/** Any request a bundle worker takes: a check, a helper's share, or the helper's answer relayed. */
export type AnyWorkerRequest =
  | ({ kind: 'check' } & WorkerRequest)
  | { kind: 'help'; bytes: FileSource }
  | { kind: 'shareAnswer'; answer: ShareAnswer };

export type CheckResult = BundleResult<
  ParsedBundle & { signer: TrustedKey; sharedFrom?: number; fileSha256?: string }
>;

/**
 * What a worker answers: progress any number of times; for an accepted file its records' keys
 * and leaves in parts; then the result (without the parts) or an error. A helper sends progress
 * on its share (its own count), its 'share' answer, then the leaves of its share in parts and
 * 'shareDone'. The records as received stay in the worker: the page needs only their keys and
 * the leaves made from them, and sending both copied every record's data twice (a fifth of the
 * worker's time at 10,000 incidents). The leaves
 * travel as JSON text: they are JSON values (parsed from the file, upgraded by JSON-safe steps),
 * and JSON.stringify here plus JSON.parse on the page cost less than the structured clone of the
 * same objects (222 ms against 112 + 58 ms for 10,000 incidents in Chromium).
 */
export type WorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'records'; keys: ParsedBundle['keys']; leavesJson: string }
  | { kind: 'result'; result: CheckResult }
  | { kind: 'share'; answer: ShareAnswer }
  /** With the file's SHA-256 where the helper has Web Crypto (see runShareCheck). */
  | { kind: 'shareDone'; fileSha256?: string }
  | { kind: 'error'; message: string };

/**
 * Records per 'records' message. The page copies each message in one task: 50,000 records in one
 * message took it 1.2 s, a frozen page; 2,000 took about 50 ms at 10,000 incidents, but 100–200 ms
 * at 50,000 (the garbage collector has more to do), so 1,000.
 */
export const RECORDS_PER_MESSAGE = 1000;

/** `keys` and `leaves` in 'records' messages of RECORDS_PER_MESSAGE (either may run out first). */
function sendRecords(
  keys: ParsedBundle['keys'],
  leaves: ParsedBundle['leaves'],
  send: (message: WorkerMessage) => void,
): void {
  for (let from = 0; from < Math.max(keys.length, leaves.length); from += RECORDS_PER_MESSAGE) {
    const to = from + RECORDS_PER_MESSAGE;
    send({
      kind: 'records',
      keys: keys.slice(from, to),
      leavesJson: JSON.stringify(leaves.slice(from, to)),
    });
  }
}

/**
 * The worker's whole job, apart from the worker so that a test can run it: parseBundleAsync with
 * its progress, records and result (or an unexpected exception) sent as messages. With
 * `share`, the helper's answer, records from shareFrom(total) on are the helper's (see
 * checkBundleContentsShared); the result's `sharedFrom` then says where its leaves start.
 */
export async function runBundleCheck(
  request: WorkerRequest,
  send: (message: WorkerMessage) => void,
  share?: Promise<ShareAnswer>,
): Promise<void> {
  try {
    const result = await parseBundleAsync(await bytesOf(request.bytes), {
      trustedKeys: request.trustedKeys,
      ...(request.maxBytes === undefined ? {} : { maxBytes: request.maxBytes }),
      onProgress: (done, total) => send({ kind: 'progress', done, total }),
      ...(share ? { share: (total: number) => ({ from: shareFrom(total), answer: share }) } : {}),
    });
    if (!result.ok) {
      send({ kind: 'result', result });
      return;
    }
    sendRecords(result.keys, result.leaves, send);
    send({
      kind: 'result',
      result: { ...result, bundle: { ...result.bundle, records: [] }, keys: [], leaves: [] },
    });
  } catch (error) {
    send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * The helper's job (checkShare): its answer first, for the page to relay at once, then the
 * leaves of its share in parts (the checking worker finishes meanwhile) and 'shareDone' with the
 * file's SHA-256 for the import history. Web Crypto hashes on the calling thread: on the page,
 * 110 MB made a task of over a second; here it runs beside the checking worker.
 */
export async function runShareCheck(
  source: FileSource,
  send: (message: WorkerMessage) => void,
): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(source);
  } catch {
    // Unreadable here: the checking worker checks every record (and meets the same error).
    send({ kind: 'share', answer: null });
    send({ kind: 'shareDone' });
    return;
  }
  const { answer, leaves } = checkShare(bytes, (done, total) =>
    send({ kind: 'progress', done, total }),
  );
  send({ kind: 'share', answer });
  if (answer?.ok) sendRecords([], leaves, send);
  const fileSha256 = await sha256HexIfNative(bytes);
  send(fileSha256 ? { kind: 'shareDone', fileSha256 } : { kind: 'shareDone' });
}

/** SHA-256 through Web Crypto, or undefined where there is none (plain HTTP) or it fails. */
async function sha256HexIfNative(bytes: Uint8Array): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  try {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return undefined;
  }
}

/**
 * A bundle worker's message handler (bundleCheck.worker.ts): the same script is the checking
 * worker or its helper, whichever request it gets first; the checking worker also takes the
 * helper's answer, which the page relays to it.
 */
export function bundleWorkerHandler(
  send: (message: WorkerMessage) => void,
): (request: AnyWorkerRequest) => void {
  let answered: (answer: ShareAnswer) => void = () => undefined;
  const share = new Promise<ShareAnswer>((resolve) => (answered = resolve));
  return (request) => {
    if (request.kind === 'shareAnswer') answered(request.answer);
    else if (request.kind === 'help') void runShareCheck(request.bytes, send);
    else void runBundleCheck(request, send, request.shared ? share : undefined);
  };
}

/**
 * Puts the parts back together on the page: feed it every message of the checking worker (and,
 * through `addShared`, the helper's parts), then take the result. Its `bundle.records` is empty:
 * use `keys` and `leaves` (see WorkerMessage).
 */
export function collectCheckResult(): {
  add(message: Extract<WorkerMessage, { kind: 'records' }>): void;
  addShared(message: Extract<WorkerMessage, { kind: 'records' }>): void;
  finish(result: CheckResult): CheckResult;
} {
  const keys: ParsedBundle['keys'] = [];
  const leaves: ParsedBundle['leaves'] = [];
  const shared: ParsedBundle['leaves'] = [];
  const append = <T>(into: T[], items: readonly T[]) => {
    for (const item of items) into.push(item);
  };
  return {
    add(message) {
      append(keys, message.keys);
      append(leaves, JSON.parse(message.leavesJson) as ParsedBundle['leaves']);
    },
    addShared(message) {
      append(shared, JSON.parse(message.leavesJson) as ParsedBundle['leaves']);
    },
    finish(result) {
      if (!result.ok) return result;
      const { sharedFrom: _from, ...rest } = result;
      if (result.sharedFrom === undefined) return { ...rest, keys, leaves };
      append(leaves, shared);
      if (leaves.length !== keys.length) throw new Error('the helper’s records are missing');
      return { ...rest, keys, leaves };
    },
  };
}
