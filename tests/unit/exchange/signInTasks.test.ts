import { afterEach, describe, expect, it, vi } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { generateKeyPair } from '../../../src/exchange/keys.ts';
import { signBytesAsync, signBytesInTasks } from '../../../src/exchange/webCryptoEd25519.ts';
import { tasksDuring } from '../tasksDuring.ts';

// On a plain-HTTP origin (no crypto.subtle) a large file is signed with @noble a slice per task,
// so the page is not frozen for a second; the signature must be exactly ed25519.sign's.

afterEach(() => vi.unstubAllGlobals());

const bytesOf = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff);

describe('Ed25519 signing in tasks', () => {
  it('gives the same signature as ed25519.sign, for small and large messages', async () => {
    const { privateKey } = generateKeyPair();
    for (const length of [0, 1, 1024 * 1024, 3 * 1024 * 1024 + 5])
      expect(await signBytesInTasks(bytesOf(length), privateKey)).toEqual(
        ed25519.sign(bytesOf(length), privateKey),
      );
  });

  it('signs a 3 MB file across several tasks where there is no Web Crypto', async () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    const { privateKey, publicKey } = generateKeyPair();
    const message = bytesOf(3 * 1024 * 1024);
    const [signature, ticks] = await tasksDuring(() => signBytesAsync(message, privateKey));
    expect(ed25519.verify(signature, message, publicKey)).toBe(true);
    expect(ticks).toBeGreaterThanOrEqual(2);
  });
});
