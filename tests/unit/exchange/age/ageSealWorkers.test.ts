// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  AGE_CHUNK_BYTES,
  joinBytes,
  sealFullChunks,
} from '../../../../src/exchange/age/ageStream.ts';
import {
  startAgeSealer,
  type AgeSealRequest,
} from '../../../../src/exchange/worker/ageSealInWorker.ts';

// The bulk of an encrypted export is sealed by two workers, each a share of whole chunks with its
// own counters; put back in order it is exactly what one thread seals.

afterEach(() => vi.unstubAllGlobals());

describe('startAgeSealer', () => {
  it('splits the chunks between two workers and joins them in order', async () => {
    const requests: AgeSealRequest[] = [];
    class FakeWorker {
      onmessage: ((event: { data: unknown }) => void) | null = null;
      onerror: unknown = null;
      terminate = vi.fn();
      postMessage(request: AgeSealRequest) {
        requests.push(request);
        const sealed = sealFullChunks(request.key, request.plain, request.firstCounter);
        setTimeout(() => this.onmessage?.({ data: { ok: true, sealed } }));
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    const key = new Uint8Array(randomBytes(32));
    const plain = new Uint8Array(randomBytes(33 * AGE_CHUNK_BYTES));
    const { seal } = startAgeSealer();
    const parts = await seal(key, plain, 7);
    expect(requests.map((r) => [r.plain.length / AGE_CHUNK_BYTES, r.firstCounter])).toEqual([
      [17, 7],
      [16, 24],
    ]);
    expect(Buffer.compare(joinBytes(parts), sealFullChunks(key, plain, 7))).toBe(0);
  });

  it('seals here where no worker exists, and for a small bulk', async () => {
    const key = new Uint8Array(randomBytes(32));
    const plain = new Uint8Array(randomBytes(2 * AGE_CHUNK_BYTES));
    const parts = await startAgeSealer().seal(key, plain, 0);
    expect(Buffer.compare(joinBytes(parts), sealFullChunks(key, plain, 0))).toBe(0);
  });
});
