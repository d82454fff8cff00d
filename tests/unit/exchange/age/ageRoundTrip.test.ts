// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  createAgeEncryptor,
  decryptAge,
  encryptAge,
  isAgeFile,
  openAge,
} from '../../../../src/exchange/age/age.ts';
import { joinBytes } from '../../../../src/exchange/age/ageStream.ts';
import {
  formatAgeIdentity,
  generateAgeIdentity,
  parseAgeIdentity,
  parseAgeRecipient,
  recipientOfIdentity,
  scryptIdentity,
  scryptRecipient,
  x25519Identity,
  x25519Recipient,
} from '../../../../src/exchange/age/ageRecipients.ts';
import { decodeBech32, encodeBech32 } from '../../../../src/exchange/age/bech32.ts';
import { readAgeIdentityFile } from '../../../../src/exchange/age/ageFiles.ts';
import {
  passphraseStrength,
  randomPassphrase,
} from '../../../../src/exchange/age/passphraseStrength.ts';

afterEach(() => vi.unstubAllGlobals());

const keyPair = () => {
  const { identity, recipient } = generateAgeIdentity();
  return {
    identity: x25519Identity(parseAgeIdentity(identity)!),
    recipient: x25519Recipient(parseAgeRecipient(recipient)!),
  };
};

describe('Bech32 keys', () => {
  // The identity of the CCTV x25519 vector and the recipient age-keygen -y gives for it.
  const identity = 'AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0';
  it('reads age-keygen identities and derives their recipient', () => {
    const secret = parseAgeIdentity(identity)!;
    expect(formatAgeIdentity(secret)).toBe(identity);
    expect(recipientOfIdentity(identity)).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    expect(parseAgeRecipient(recipientOfIdentity(identity)!)).not.toBeNull();
  });

  it('refuses mixed case, another prefix, a bad checksum and a wrong length', () => {
    const { recipient } = generateAgeIdentity();
    expect(parseAgeRecipient(recipient.toUpperCase())).toBeNull();
    expect(
      parseAgeRecipient(recipient.slice(0, -1) + (recipient.endsWith('q') ? 'p' : 'q')),
    ).toBeNull();
    expect(parseAgeRecipient(encodeBech32('age', new Uint8Array(31)))).toBeNull();
    expect(parseAgeRecipient(encodeBech32('agf', new Uint8Array(32)))).toBeNull();
    expect(parseAgeIdentity(recipient)).toBeNull();
    expect(decodeBech32('Age1qqqqqq')).toBeNull();
  });

  it('reads identity files with comments, and refuses anything else in them', () => {
    const { identity: key, recipient } = generateAgeIdentity();
    const file = `# created: 2026-11-29T00:00:00Z\n# public key: ${recipient}\n${key}\n`;
    expect(readAgeIdentityFile(file)?.keys).toEqual([key]);
    expect(readAgeIdentityFile(`${file}garbage\n`)).toBeNull();
    expect(readAgeIdentityFile('# only a comment\n')).toBeNull();
  });
});

describe('encrypt and decrypt', () => {
  it.each([0, 1, 65535, 65536, 65537, 3 * 65536, 1_000_003])(
    'round trips %i bytes pushed in uneven pieces',
    async (size) => {
      const { identity, recipient } = keyPair();
      const plain = new Uint8Array(randomBytes(size));
      const encryptor = await createAgeEncryptor([recipient]);
      const parts = [encryptor.header];
      for (let i = 0; i < size; i += 7777)
        parts.push(...encryptor.push(plain.subarray(i, i + 7777)));
      parts.push(...encryptor.finish());
      const file = joinBytes(parts);
      // 16 bytes of tag per 64 KiB chunk, at least one chunk.
      const chunks = Math.max(1, Math.ceil(size / 65536));
      expect(file.length - encryptor.header.length).toBe(size + 16 * chunks);
      const opened = await decryptAge(file, [identity]);
      expect(opened.ok && Buffer.from(opened.value).equals(Buffer.from(plain))).toBe(true);
    },
  );

  it('gives every recipient the file, and no one else', async () => {
    const a = keyPair();
    const b = keyPair();
    const c = keyPair();
    const file = joinBytes(
      await encryptAge(new TextEncoder().encode('秘密'), [a.recipient, b.recipient]),
    );
    expect(isAgeFile(file)).toBe(true);
    for (const who of [a, b]) expect((await decryptAge(file, [who.identity])).ok).toBe(true);
    const refused = await decryptAge(file, [c.identity]);
    expect(!refused.ok && refused.error).toEqual({
      kind: 'noMatch',
      stanzaTypes: ['X25519', 'X25519'],
    });
  });

  it('passphrase files: right, wrong, and never mixed with keys', async () => {
    const file = joinBytes(
      await encryptAge(new TextEncoder().encode('x'), [scryptRecipient('pass-word-1234', 10)]),
    );
    expect((await decryptAge(file, [scryptIdentity('pass-word-1234')])).ok).toBe(true);
    const wrong = await decryptAge(file, [scryptIdentity('pass-word-1235')]);
    expect(!wrong.ok && wrong.error.kind).toBe('noMatch');
    await expect(
      encryptAge(new Uint8Array(1), [scryptRecipient('p', 10), keyPair().recipient]),
    ).rejects.toThrow();
    const tooHard = await decryptAge(file, [scryptIdentity('pass-word-1234', 9)]);
    expect(!tooHard.ok && tooHard.error).toEqual({ kind: 'workFactor', logN: 10 });
  });

  it('works with no crypto.subtle (a plain-HTTP origin)', async () => {
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    vi.stubGlobal('crypto', { getRandomValues });
    expect(globalThis.crypto.subtle).toBeUndefined();
    const { identity, recipient } = keyPair();
    const file = joinBytes(await encryptAge(new TextEncoder().encode('平文'), [recipient]));
    const opened = await decryptAge(file, [identity]);
    expect(opened.ok && new TextDecoder().decode(opened.value)).toBe('平文');
  });

  it('says "not an age file" for a bundle, and the header is read before any key is tried', async () => {
    const json = new TextEncoder().encode('{"format":"sonae-bundle"}');
    expect(isAgeFile(json)).toBe(false);
    const opened = await openAge(json, []);
    expect(!opened.ok && opened.error.kind).toBe('notAge');
  });
});

describe('passphrase hints', () => {
  it('grades short, weak, fair and strong, and random ones are strong', () => {
    expect(passphraseStrength('abc')).toBe('tooShort');
    expect(passphraseStrength('aaaaaaaa')).toBe('weak');
    expect(passphraseStrength('Sakura-2026')).toBe('fair');
    expect(passphraseStrength('kawa-no-nagare-ha-taezu-1192')).toBe('strong');
    expect(passphraseStrength(randomPassphrase())).toBe('strong');
    expect(randomPassphrase()).toMatch(/^([a-z2-9]{4}-){5}[a-z2-9]{4}$/);
  });
});
