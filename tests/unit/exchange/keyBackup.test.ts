// @vitest-environment node
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptPrivateKeyPem, encryptPrivateKeyPem } from '../../../src/exchange/keyBackup.ts';
import { decodePem } from '../../../src/exchange/pem.ts';
import {
  derivePublicKey,
  encodePrivateKeyPem,
  encodePublicKeyPem,
  generateKeyPair,
} from '../../../src/exchange/keys.ts';
import { hasOpenssl, openssl, tempDir } from './bundleHelpers.ts';

// Few iterations keep the tests fast; the iteration count travels in the file.
const FAST = { iterations: 1000 };
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('passphrase-protected key backup (PKCS#8 PBES2)', () => {
  const { privateKey } = generateKeyPair();

  it('round-trips with the right passphrase, including a Japanese one', async () => {
    const pem = await encryptPrivateKeyPem(privateKey, 'そなえ 2026 秘密', FAST);
    expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(await decryptPrivateKeyPem(pem, 'そなえ 2026 秘密')).toEqual({ ok: true, privateKey });
  });

  it('says "wrong passphrase" for a wrong passphrase, every time', async () => {
    const pem = await encryptPrivateKeyPem(privateKey, 'correct horse', FAST);
    for (const guess of ['correct hors', 'Correct horse', '', 'correct horse ']) {
      expect(await decryptPrivateKeyPem(pem, guess)).toEqual({
        ok: false,
        error: { kind: 'wrongPassphrase' },
      });
    }
  });

  it('uses fresh salt and IV each time and refuses an empty passphrase', async () => {
    const a = await encryptPrivateKeyPem(privateKey, 'x', FAST);
    const b = await encryptPrivateKeyPem(privateKey, 'x', FAST);
    expect(a).not.toBe(b);
    await expect(encryptPrivateKeyPem(privateKey, '')).rejects.toThrow();
  });

  it('refuses an unencrypted key file and text that is not PEM', async () => {
    const plain = await decryptPrivateKeyPem(encodePrivateKeyPem(privateKey), 'x');
    expect(plain).toMatchObject({
      ok: false,
      error: { kind: 'wrongKeyFile', found: 'PRIVATE KEY' },
    });
    expect(await decryptPrivateKeyPem('not a key', 'x')).toEqual({
      ok: false,
      error: { kind: 'notPem' },
    });
  });

  it('refuses a corrupted structure as unsupported, not as a wrong passphrase', async () => {
    const pem = await encryptPrivateKeyPem(privateKey, 'x', FAST);
    const der = decodePem(pem)!.der;
    const broken = der.slice(0, der.length - 20);
    const text = `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${Buffer.from(broken).toString('base64')}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
    const result = await decryptPrivateKeyPem(text, 'x');
    expect(result).toMatchObject({ ok: false, error: { kind: 'unsupportedEncryption' } });
  });
});

describe.skipIf(!hasOpenssl)('key backup and OpenSSL', () => {
  it('OpenSSL decrypts our backup with the passphrase', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const { privateKey, publicKey } = generateKeyPair();
    writeFileSync(
      path.join(dir, 'backup.pem'),
      await encryptPrivateKeyPem(privateKey, 'パス phrase', FAST),
    );
    const pub = openssl(
      ['pkey', '-in', 'backup.pem', '-passin', 'pass:パス phrase', '-pubout'],
      dir,
    );
    expect(pub).toBe(encodePublicKeyPem(publicKey));
  });

  it('we decrypt a key OpenSSL encrypted with PBES2/AES-256-CBC, and refuse its 3DES variant', async () => {
    const dir = tempDir();
    dirs.push(dir);
    openssl(['genpkey', '-algorithm', 'ed25519', '-out', 'plain.pem'], dir);
    openssl(
      [
        'pkcs8',
        '-topk8',
        '-in',
        'plain.pem',
        '-out',
        'aes.pem',
        '-v2',
        'aes-256-cbc',
        '-v2prf',
        'hmacWithSHA256',
        '-passout',
        'pass:secret',
      ],
      dir,
    );
    openssl(
      [
        'pkcs8',
        '-topk8',
        '-in',
        'plain.pem',
        '-out',
        'des.pem',
        '-v2',
        'des3',
        '-passout',
        'pass:secret',
      ],
      dir,
    );
    const publicPem = openssl(['pkey', '-in', 'plain.pem', '-pubout'], dir);
    const decrypted = await decryptPrivateKeyPem(
      readFileSync(path.join(dir, 'aes.pem'), 'utf8'),
      'secret',
    );
    expect(decrypted.ok).toBe(true);
    if (decrypted.ok)
      expect(encodePublicKeyPem(derivePublicKey(decrypted.privateKey))).toBe(publicPem);
    const wrong = await decryptPrivateKeyPem(
      readFileSync(path.join(dir, 'aes.pem'), 'utf8'),
      'Secret',
    );
    expect(wrong).toEqual({ ok: false, error: { kind: 'wrongPassphrase' } });
    const des = await decryptPrivateKeyPem(
      readFileSync(path.join(dir, 'des.pem'), 'utf8'),
      'secret',
    );
    expect(des).toMatchObject({ ok: false, error: { kind: 'unsupportedEncryption' } });
  });
});
