// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  decryptAge,
  encryptAge,
  encryptAgeAround,
  type AgeChunkSealer,
} from '../../../../src/exchange/age/age.ts';
import {
  AGE_CHUNK_BYTES,
  joinBytes,
  sealFullChunks,
} from '../../../../src/exchange/age/ageStream.ts';
import {
  generateAgeIdentity,
  parseAgeIdentity,
  parseAgeRecipient,
  x25519Identity,
  x25519Recipient,
} from '../../../../src/exchange/age/ageRecipients.ts';

// The export seals the bulk of a signed bundle (in a worker) while the signature is made, and
// the rest once it is known. The file must be exactly what one-pass encryption writes: the same
// chunk boundaries, the last-chunk flag on the last chunk only, and decryptable by any age.

const { identity: secret, recipient: publicKey } = generateAgeIdentity();
const identity = x25519Identity(parseAgeIdentity(secret)!);
const recipient = x25519Recipient(parseAgeRecipient(publicKey)!);
const C = AGE_CHUNK_BYTES;

/** A sealer that records what it was given, as the worker would get it. */
function recordingSealer() {
  const calls: { length: number; firstCounter: number }[] = [];
  const seal: AgeChunkSealer = (key, plain, firstCounter) => {
    calls.push({ length: plain.length, firstCounter });
    return Promise.resolve([sealFullChunks(key, plain, firstCounter)]);
  };
  return { seal, calls };
}

describe('encryptAgeAround', () => {
  const sizes: [number, number][] = [
    [0, 0],
    [0, 150],
    [1, 0],
    [C - 1, 1],
    [C, 0],
    [C, 150],
    [C + 1, 150],
    [3 * C, 0],
    [3 * C + 17, 150],
    [5 * C - 10, 10],
  ];
  it.each(sizes)('head of %i bytes and tail of %i: decrypts to head + tail', async (h, t) => {
    const head = new Uint8Array(randomBytes(h));
    const tail = new Uint8Array(randomBytes(t));
    const { seal, calls } = recordingSealer();
    const { parts, value } = await encryptAgeAround(
      [recipient],
      head,
      () => Promise.resolve({ tail, value: 'signed' }),
      seal,
    );
    expect(value).toBe('signed');
    const file = joinBytes(parts);
    const opened = await decryptAge(file, [identity]);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.value).toEqual(joinBytes([head, tail]));
    // Same length as one-pass encryption: the same chunking.
    const onePass = joinBytes(await encryptAge(joinBytes([head, tail]), [recipient]));
    expect(file.length).toBe(onePass.length);
    // Only whole chunks that cannot be the last went to the sealer.
    expect(calls).toEqual([{ length: Math.max(0, Math.ceil(h / C) - 1) * C, firstCounter: 0 }]);
  });

  it('a file whose sealed bulk was altered does not open', async () => {
    const head = new Uint8Array(randomBytes(3 * C));
    const { parts } = await encryptAgeAround([recipient], head, () =>
      Promise.resolve({ tail: new Uint8Array([1, 2, 3]), value: null }),
    );
    const file = joinBytes(parts);
    file[parts[0]!.length + 100]! ^= 1;
    const opened = await decryptAge(file, [identity]);
    expect(opened).toMatchObject({ ok: false, error: { kind: 'payload' } });
  });

  it('passes on a failed signature and a failed sealer', async () => {
    const head = new Uint8Array(randomBytes(2 * C + 5));
    await expect(
      encryptAgeAround([recipient], head, () => Promise.reject(new Error('sign failed'))),
    ).rejects.toThrow('sign failed');
    await expect(
      encryptAgeAround(
        [recipient],
        head,
        () => Promise.resolve({ tail: new Uint8Array(), value: null }),
        () => Promise.reject(new Error('worker failed')),
      ),
    ).rejects.toThrow('worker failed');
  });

  it('sealFullChunks refuses a part chunk', () => {
    expect(() => sealFullChunks(new Uint8Array(32), new Uint8Array(C + 1), 0)).toThrow();
  });
});
