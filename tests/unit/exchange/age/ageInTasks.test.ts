import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { decryptAge, encryptAge } from '../../../../src/exchange/age/age.ts';
import {
  generateAgeIdentity,
  parseAgeIdentity,
  parseAgeRecipient,
  x25519Identity,
  x25519Recipient,
} from '../../../../src/exchange/age/ageRecipients.ts';
import { joinBytes } from '../../../../src/exchange/age/ageStream.ts';
import { digestHex } from '../../../../src/db/importChecks.ts';
import { tasksDuring } from '../../tasksDuring.ts';

// Opening a 100 MB encrypted bundle on the page: decrypting and hashing it run a slice per task,
// so the page paints and takes clicks in between (one 1 s task froze it at 50,000 incidents).

const big = () => {
  const bytes = new Uint8Array(3 * 1024 * 1024 + 17);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
  return bytes;
};

afterEach(() => vi.unstubAllGlobals());

describe('large files in tasks', () => {
  it('decrypts a 3 MB file across several tasks, to the same bytes', async () => {
    const { identity, recipient } = generateAgeIdentity();
    const plain = big();
    const sealed = joinBytes(
      await encryptAge(plain, [x25519Recipient(parseAgeRecipient(recipient)!)]),
    );
    const [opened, ticks] = await tasksDuring(() =>
      decryptAge(sealed, [x25519Identity(parseAgeIdentity(identity)!)]),
    );
    expect(opened.ok && bytesToHex(sha256(opened.value))).toBe(bytesToHex(sha256(plain)));
    expect(ticks).toBeGreaterThanOrEqual(2);
  });

  it('hashes without Web Crypto (plain HTTP) across several tasks, to the same SHA-256', async () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    const bytes = big();
    const [hex, ticks] = await tasksDuring(() => digestHex(bytes));
    expect(hex).toBe(bytesToHex(sha256(bytes)));
    expect(ticks).toBeGreaterThanOrEqual(2);
  });
});
