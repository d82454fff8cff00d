// @vitest-environment node
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bundleWorkerHandler,
  collectCheckResult,
  RECORDS_PER_MESSAGE,
  runBundleCheck,
  runShareCheck,
  type AnyWorkerRequest,
  type WorkerMessage,
} from '../../../src/exchange/worker/bundleCheckMessages.ts';
import {
  checkBundleInWorker,
  KEEP_RELEASED_MS,
  warmUpBundleWorker,
  WORKER_FROM_BYTES,
} from '../../../src/exchange/worker/checkBundleInWorker.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { CHECKED_EVERY } from '../../../src/exchange/bundleContents.ts';
import { toBundleRecord } from '../../../src/exchange/bundleRecord.ts';
import { generateDemoIncidents } from '../../../src/demo/demoMunicipality.ts';
import { createStoredRecord } from '../../../src/domain/storedRecord.ts';
import { FIXTURE_IDS, FIXTURE_STATION_ID } from '../../fixtures/bundles/fixtureRecords.ts';
import { parseBundle } from '../../../src/exchange/parseBundle.ts';
import { demoTrusted, encode, readFixture, signedBundle } from './bundleHelpers.ts';

// The import's checks run in a Web Worker (issue 9: 50,000 records froze the page). The worker
// only relays parseBundleAsync; the page falls back to the same checks when it has no worker.

afterEach(() => vi.unstubAllGlobals());

const trustedKeys = [demoTrusted];

describe('the checking worker', () => {
  it('sends progress, the records’ keys and leaves in parts, then the rest of what parseBundle gives', async () => {
    const messages: WorkerMessage[] = [];
    const { bytes, records } = largeFile();
    await runBundleCheck({ bytes, trustedKeys }, (message) => messages.push(message));
    // The records in parts of RECORDS_PER_MESSAGE (one here), each part one task for the page.
    const parts = Math.ceil(records / RECORDS_PER_MESSAGE);
    expect(messages.map((m) => m.kind)).toEqual([
      'progress',
      'progress',
      ...Array<string>(parts).fill('records'),
      'result',
    ]);
    // What the page receives is copied by structuredClone, then put back together.
    const collected = collectCheckResult();
    for (const message of messages.map((m) => structuredClone(m)))
      if (message.kind === 'records') collected.add(message);
    const last = structuredClone(messages.at(-1)!);
    if (last.kind !== 'result') throw new Error('no result');
    const result = collected.finish(last.result);
    const expected = parseBundle(bytes, { trustedKeys });
    if (!result.ok || !expected.ok) throw new Error('not parsed');
    // The records as received stay in the worker: the page gets their keys and leaves.
    expect(result.bundle).toEqual({ ...expected.bundle, records: [] });
    expect(result.keys).toEqual(expected.bundle.records.map(({ type, id }) => ({ type, id })));
    expect(result.keys).toHaveLength(records);
    expect(result.leaves).toEqual(expected.leaves);
    expect(result.attachmentBytes).toEqual(expected.attachmentBytes);
  });

  it('sends a refusal as a result and an unexpected failure as an error', async () => {
    const messages: WorkerMessage[] = [];
    await runBundleCheck({ bytes: readFixture('tampered.sonae.json'), trustedKeys }, (m) =>
      messages.push(m),
    );
    expect(messages.at(-1)).toMatchObject({
      kind: 'result',
      result: { ok: false, error: { kind: 'badSignature' } },
    });
    const failed: WorkerMessage[] = [];
    await runBundleCheck({ bytes: null as never, trustedKeys }, (m) => failed.push(m));
    expect(failed).toEqual([{ kind: 'error', message: expect.any(String) }]);
  });
});

/** A signed file over WORKER_FROM_BYTES (the demo bundle plus `count` incidents), and its record count. */
function largeFile(tamper = false, count = 500): { bytes: Uint8Array; records: number } {
  const bundle = signedBundle((b) => {
    const at = '2026-11-21T00:05:00.000Z';
    const incidents = generateDemoIncidents(count, [FIXTURE_IDS.system], { seed: 1 });
    for (const data of incidents)
      b.records.push(
        toBundleRecord('incident', createStoredRecord('incident', data, FIXTURE_STATION_ID, at)),
      );
  });
  const text = serializeBundle(bundle);
  const bytes = encode(tamper ? text.replace('窓口PC-01', '窓口PC-99') : text);
  expect(bytes.length).toBeGreaterThan(WORKER_FROM_BYTES);
  return { bytes, records: bundle.records.length };
}

describe('checkBundleInWorker', () => {
  it('runs the checks on this thread where there is no Worker', async () => {
    expect(typeof Worker).toBe('undefined');
    const result = await checkBundleInWorker(largeFile().bytes, { trustedKeys });
    expect(result.ok).toBe(true);
  });

  it('checks a small file on this thread, without starting a worker', async () => {
    const started = vi.fn();
    vi.stubGlobal('Worker', started);
    const result = await checkBundleInWorker(readFixture('demo.sonae.json'), { trustedKeys });
    expect(result.ok).toBe(true);
    expect(started).not.toHaveBeenCalled();
  });

  it('runs them on this thread when the worker script cannot start, with the same verdict', async () => {
    class BrokenWorker {
      onmessage: ((event: MessageEvent) => void) | null = null;
      onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
      terminate = vi.fn();
      postMessage() {
        setTimeout(() => this.onerror?.({ message: '404', preventDefault() {} }));
      }
    }
    vi.stubGlobal('Worker', BrokenWorker);
    const result = await checkBundleInWorker(largeFile(true).bytes, { trustedKeys });
    expect(result).toMatchObject({ ok: false, error: { kind: 'badSignature' } });
  });

  it('relays the worker’s progress and result, with the helper’s share of the records', async () => {
    const made: RelayWorker[] = [];
    vi.stubGlobal('Worker', relayWorkers(made));
    const progress: number[] = [];
    const { bytes, records } = largeFile();
    const result = await checkBundleInWorker(bytes, {
      trustedKeys,
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([0, records]);
    // Two workers: the checking worker and its helper, whose leaves the page put in place.
    expect(made.map((w) => w.requests[0]!.kind)).toEqual(['check', 'help']);
    expect(made[0]!.requests.at(-1)).toMatchObject({ kind: 'shareAnswer', answer: { ok: true } });
    // The helper also hashed the file (Web Crypto, off the page), for the import history.
    const fileSha256 = createHash('sha256').update(bytes).digest('hex');
    expect(result).toEqual({
      ...parseBundle(bytes, { trustedKeys }),
      bundle: expect.objectContaining({ records: [] }),
      fileSha256,
    });
  });

  it('counts the records both workers have checked, as one figure, up to every record', async () => {
    const made: RelayWorker[] = [];
    vi.stubGlobal('Worker', relayWorkers(made));
    const { bytes, records } = largeFile(false, 3 * CHECKED_EVERY);
    const progress: number[] = [];
    const result = await checkBundleInWorker(bytes, {
      trustedKeys,
      onProgress: (done, total) => {
        expect(total).toBe(records);
        progress.push(done);
      },
    });
    expect(result.ok).toBe(true);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(records);
    // The checking worker's first 40 % and the helper's 60 %, a report every CHECKED_EVERY each.
    expect(progress.filter((done) => done > 0 && done < records).length).toBeGreaterThanOrEqual(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    // Only the checking worker says that every record is checked.
    expect(progress.filter((done) => done === records)).toHaveLength(1);
  });

  it('sends the chosen file itself, which the workers read, with the same result', async () => {
    const made: RelayWorker[] = [];
    vi.stubGlobal('Worker', relayWorkers(made));
    const { bytes } = largeFile();
    const file = new Blob([bytes as BlobPart]);
    const result = await checkBundleInWorker(bytes, { trustedKeys, file });
    // A Blob crosses to a worker without a copy of the bytes on the page's thread.
    expect(made.map((w) => w.requests[0]!)).toMatchObject([
      { kind: 'check', bytes: expect.any(Blob) },
      { kind: 'help', bytes: expect.any(Blob) },
    ]);
    expect(result).toEqual({
      ...parseBundle(bytes, { trustedKeys }),
      bundle: expect.objectContaining({ records: [] }),
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('lets the checking worker check every record when the helper cannot read the file', async () => {
    const sent: WorkerMessage[] = [];
    const unreadable = { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) };
    await runShareCheck(unreadable as unknown as Blob, (message) => sent.push(message));
    expect(sent).toEqual([{ kind: 'share', answer: null }, { kind: 'shareDone' }]);
    const checked: WorkerMessage[] = [];
    await runBundleCheck({ bytes: unreadable as unknown as Blob, trustedKeys }, (message) =>
      checked.push(message),
    );
    expect(checked).toEqual([{ kind: 'error', message: 'NotReadableError' }]);
  });

  it('waits for the helper’s leaves when the checking worker is done first', async () => {
    const made: RelayWorker[] = [];
    vi.stubGlobal('Worker', relayWorkers(made, Infinity, 300));
    const { bytes } = largeFile();
    const result = await checkBundleInWorker(bytes, { trustedKeys });
    const alone = parseBundle(bytes, { trustedKeys });
    if (!result.ok || !alone.ok) throw new Error('not parsed');
    expect(result.leaves).toEqual(alone.leaves);
  });

  it('lets the checking worker check every record when the helper cannot start', async () => {
    const made: RelayWorker[] = [];
    vi.stubGlobal('Worker', relayWorkers(made, 1));
    const { bytes } = largeFile();
    const result = await checkBundleInWorker(bytes, { trustedKeys });
    expect(made[0]!.requests.at(-1)).toEqual({ kind: 'shareAnswer', answer: null });
    const alone = parseBundle(bytes, { trustedKeys });
    if (!result.ok || !alone.ok) throw new Error('not parsed');
    expect(result.leaves).toEqual(alone.leaves);
  });

  it('uses the workers warmed up while the file was chosen, once, and skips one that failed', async () => {
    const made: RelayWorker[] = [];
    vi.stubGlobal('Worker', relayWorkers(made));
    warmUpBundleWorker();
    expect(made).toHaveLength(2);
    expect((await checkBundleInWorker(largeFile().bytes, { trustedKeys })).ok).toBe(true);
    expect(made).toHaveLength(2);
    // A warm worker whose script failed to load is dropped for a new one.
    warmUpBundleWorker();
    made[2]!.onerror!({ message: '404', preventDefault() {} });
    expect((await checkBundleInWorker(largeFile().bytes, { trustedKeys })).ok).toBe(true);
    expect(made).toHaveLength(5);
    expect(made[2]!.terminate).toHaveBeenCalled();
    // A screen closed without using its warm workers stops them, a little later.
    vi.useFakeTimers();
    try {
      const cleanUp = warmUpBundleWorker();
      cleanUp();
      expect(made[5]!.terminate).not.toHaveBeenCalled();
      vi.advanceTimersByTime(KEEP_RELEASED_MS);
      expect(made[5]!.terminate).toHaveBeenCalled();
      expect(made[6]!.terminate).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('uses the warm workers when the screen let go of them as the file was chosen', async () => {
    // The import screen's effect cleans up when its state turns to 'checking', just before the
    // check asks for workers: they were stopped and every check waited for new ones to load.
    const made: RelayWorker[] = [];
    vi.stubGlobal('Worker', relayWorkers(made));
    const cleanUp = warmUpBundleWorker();
    cleanUp();
    expect((await checkBundleInWorker(largeFile().bytes, { trustedKeys })).ok).toBe(true);
    expect(made).toHaveLength(2);
    expect(made.map((w) => w.requests[0]!.kind)).toEqual(['check', 'help']);
  });
});

interface RelayWorker {
  onmessage: ((event: { data: WorkerMessage }) => void) | null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null;
  terminate: ReturnType<typeof vi.fn>;
  requests: AnyWorkerRequest[];
}

/**
 * A Worker stand-in that runs the worker's own handler in this thread (each message a task of
 * its own, as between threads); from the `failFrom`-th made on, each fails to load instead.
 */
function relayWorkers(made: RelayWorker[], failFrom = Infinity, helperLagMs = 0) {
  return class implements RelayWorker {
    onmessage: RelayWorker['onmessage'] = null;
    onerror: RelayWorker['onerror'] = null;
    terminate = vi.fn();
    requests: AnyWorkerRequest[] = [];
    private readonly fails = made.length >= failFrom;
    private readonly handle = bundleWorkerHandler((data) => {
      // A slow helper: its leaves come after its answer, later than the checker's result.
      const lag = this.requests[0]?.kind === 'help' && data.kind !== 'share' ? helperLagMs : 0;
      setTimeout(() => this.onmessage?.({ data }), lag);
    });
    constructor() {
      made.push(this);
    }
    postMessage(request: AnyWorkerRequest) {
      this.requests.push(request);
      setTimeout(() =>
        this.fails
          ? this.onerror?.({ message: '404', preventDefault() {} })
          : this.handle(structuredClone(request)),
      );
    }
  };
}
