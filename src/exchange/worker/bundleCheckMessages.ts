import type { TrustedKey } from '../bundleTrust.ts';
import { parseBundleAsync, type BundleResult, type ParsedBundle } from '../parseBundle.ts';

/** What the page sends the checking worker: the file and the keys this PC trusts. */
export interface WorkerRequest {
  bytes: Uint8Array;
  trustedKeys: readonly TrustedKey[];
  maxBytes?: number;
}

export type CheckResult = BundleResult<ParsedBundle & { signer: TrustedKey }>;

/**
 * What the worker answers: progress any number of times; for an accepted file its records' keys
 * and leaves in parts; then the result (without the parts) or an error. The records as received
 * stay in the worker: the page needs only their keys and the leaves made from them, and sending
 * both copied every record's data twice (a fifth of the worker's time at 10,000 incidents).
 */
export type WorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'records'; keys: ParsedBundle['keys']; leaves: ParsedBundle['leaves'] }
  | { kind: 'result'; result: CheckResult }
  | { kind: 'error'; message: string };

/**
 * Records per 'records' message. The page copies each message in one task: 50,000 records in one
 * message took it 1.2 s, a frozen page; 2,000 take about 50 ms.
 */
export const RECORDS_PER_MESSAGE = 2000;

/**
 * The worker's whole job, apart from the worker so that a test can run it: parseBundleAsync with
 * its progress, records and result (or an unexpected exception) sent as messages.
 */
export async function runBundleCheck(
  request: WorkerRequest,
  send: (message: WorkerMessage) => void,
): Promise<void> {
  try {
    const result = await parseBundleAsync(request.bytes, {
      trustedKeys: request.trustedKeys,
      ...(request.maxBytes === undefined ? {} : { maxBytes: request.maxBytes }),
      onProgress: (done, total) => send({ kind: 'progress', done, total }),
    });
    if (!result.ok) {
      send({ kind: 'result', result });
      return;
    }
    const { keys, leaves } = result;
    for (let from = 0; from < keys.length; from += RECORDS_PER_MESSAGE) {
      const to = from + RECORDS_PER_MESSAGE;
      send({ kind: 'records', keys: keys.slice(from, to), leaves: leaves.slice(from, to) });
    }
    send({
      kind: 'result',
      result: { ...result, bundle: { ...result.bundle, records: [] }, keys: [], leaves: [] },
    });
  } catch (error) {
    send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Puts the parts back together on the page: feed it every message, then take the result. Its
 * `bundle.records` is empty: use `keys` and `leaves` (see WorkerMessage).
 */
export function collectCheckResult(): {
  add(message: Extract<WorkerMessage, { kind: 'records' }>): void;
  finish(result: CheckResult): CheckResult;
} {
  const keys: ParsedBundle['keys'] = [];
  const leaves: ParsedBundle['leaves'] = [];
  return {
    add(message) {
      for (const key of message.keys) keys.push(key);
      for (const leaf of message.leaves) leaves.push(leaf);
    },
    finish(result) {
      if (!result.ok) return result;
      return { ...result, keys, leaves };
    },
  };
}
