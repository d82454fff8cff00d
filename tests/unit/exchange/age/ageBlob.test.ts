// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { decryptAge, encryptAge } from '../../../../src/exchange/age/age.ts';
import { decryptBlob, encryptBlob } from '../../../../src/exchange/age/ageBlob.ts';
import { joinBytes } from '../../../../src/exchange/age/ageStream.ts';
import {
  generateAgeIdentity,
  parseAgeIdentity,
  parseAgeRecipient,
  x25519Identity,
  x25519Recipient,
} from '../../../../src/exchange/age/ageRecipients.ts';

// A whole-station backup (hundreds of MB with photos) is encrypted and decrypted slice by slice
// over Blobs (PRODUCT.md decision 4). The file must be an ordinary age file, and a damaged one
// must give an error and no partial plaintext.

const read = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
// toEqual on megabytes of bytes takes minutes: compare them as Buffers.
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
const pair = () => {
  const { identity, recipient } = generateAgeIdentity();
  return {
    secret: identity,
    identity: x25519Identity(parseAgeIdentity(identity)!),
    recipient: x25519Recipient(parseAgeRecipient(recipient)!),
  };
};
const key = pair();
// Over two 4 MB slices, not on a chunk boundary.
const plain = new Uint8Array(randomBytes(9 * 1024 * 1024 + 12345));

describe('age over Blobs', () => {
  it('round-trips a file larger than its slices, in the same format as encryptAge', async () => {
    const file = await encryptBlob(new Blob([plain]), [key.recipient], read);
    const bytes = await read(file);
    expect(new TextDecoder().decode(bytes.subarray(0, 21))).toBe('age-encryption.org/v1');
    // decryptAge (whole file) and decryptBlob (in slices) agree, both ways.
    const whole = await decryptAge(bytes, [key.identity]);
    if (!whole.ok) throw new Error(whole.error.kind);
    expect(same(whole.value, plain)).toBe(true);
    const fromEncryptAge = new Blob((await encryptAge(plain, [key.recipient])) as BlobPart[]);
    const sliced = await decryptBlob(fromEncryptAge, [key.identity], read, 'application/zip');
    if (!sliced.ok) throw new Error(sliced.error.kind);
    expect(sliced.value.type).toBe('application/zip');
    expect(same(await read(sliced.value), plain)).toBe(true);
  });

  it('refuses a truncated, an altered and another recipient’s file, with no plaintext', async () => {
    const bytes = await read(await encryptBlob(new Blob([plain]), [key.recipient], read));
    const cut = await decryptBlob(
      new Blob([bytes.subarray(0, bytes.length - 100)]),
      [key.identity],
      read,
    );
    expect(cut).toMatchObject({ ok: false, error: { kind: 'payload' } });
    const altered = bytes.slice();
    altered[6 * 1024 * 1024]! ^= 1;
    expect(await decryptBlob(new Blob([altered]), [key.identity], read)).toMatchObject({
      ok: false,
      error: { kind: 'payload' },
    });
    const other = pair();
    expect(await decryptBlob(new Blob([bytes]), [other.identity], read)).toMatchObject({
      ok: false,
      error: { kind: 'noMatch' },
    });
    expect(
      await decryptBlob(new Blob([plain.subarray(0, 1000)]), [key.identity], read),
    ).toMatchObject({
      ok: false,
    });
  });

  it('reads an armored file too', async () => {
    const small = plain.subarray(0, 5000);
    // The armor of the age spec: Base64 in lines of 64 between the BEGIN and END lines.
    const base64 = Buffer.from(joinBytes(await encryptAge(small, [key.recipient]))).toString(
      'base64',
    );
    const armored = `-----BEGIN AGE ENCRYPTED FILE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END AGE ENCRYPTED FILE-----\n`;
    const opened = await decryptBlob(new Blob([armored]), [key.identity], read);
    if (!opened.ok) throw new Error(opened.error.kind);
    expect(same(await read(opened.value), small)).toBe(true);
  });
});

const hasAge = spawnSync('age', ['--version']).status === 0;
describe.skipIf(!hasAge)('age over Blobs and the age command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sonae-age-blob-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('age -d opens what encryptBlob writes, and decryptBlob opens what age -r writes', async () => {
    writeFileSync(path.join(dir, 'key.txt'), `${key.secret}\n`);
    writeFileSync(
      path.join(dir, 'mine.age'),
      await read(await encryptBlob(new Blob([plain]), [key.recipient], read)),
    );
    const out = path.join(dir, 'mine.bin');
    const decrypted = spawnSync('age', [
      '-d',
      '-i',
      path.join(dir, 'key.txt'),
      '-o',
      out,
      path.join(dir, 'mine.age'),
    ]);
    expect(decrypted.status).toBe(0);
    expect(same(readFileSync(out), plain)).toBe(true);
    const recipient = spawnSync('age-keygen', ['-y', path.join(dir, 'key.txt')], {
      encoding: 'utf8',
    }).stdout.trim();
    writeFileSync(path.join(dir, 'plain.bin'), plain);
    expect(
      spawnSync('age', [
        '-r',
        recipient,
        '-o',
        path.join(dir, 'theirs.age'),
        path.join(dir, 'plain.bin'),
      ]).status,
    ).toBe(0);
    const opened = await decryptBlob(
      new Blob([readFileSync(path.join(dir, 'theirs.age'))]),
      [key.identity],
      read,
    );
    if (!opened.ok) throw new Error(opened.error.kind);
    expect(same(await read(opened.value), plain)).toBe(true);
  });
});
