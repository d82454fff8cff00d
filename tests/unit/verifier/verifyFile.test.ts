// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkBundleFile,
  isSignerKey,
  publicKeyFileSizeError,
  readChosenPublicKey,
} from '../../../src/exchange/verifyFile.ts';

// The verify-only decision shared by 「ファイルの検証」 and the standalone checker page.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(ROOT, 'tests/fixtures', name)));
const text = (s: string) => new TextEncoder().encode(s);

function key(name: string) {
  const read = readChosenPublicKey(name, fixture(`keys/${name}`));
  if (!read.ok) throw new Error(read.message);
  return read.key;
}

describe('checkBundleFile', () => {
  it('valid with a trusted key, naming the signer; unverified without one', () => {
    const bytes = fixture('bundles/demo.sonae.json');
    const valid = checkBundleFile(bytes, [key('demo-public.pem')]);
    expect(valid.kind).toBe('valid');
    expect(valid.kind === 'valid' && valid.signer.label).toBe('demo-public.pem');
    expect(valid.summary?.formatVersion).toBe(2);
    expect(checkBundleFile(bytes, []).kind).toBe('unverified');
    expect(checkBundleFile(bytes, [key('other-public.pem')]).kind).toBe('unverified');
  });

  it('invalid for a bad signature or a foreign file, whatever the keys', () => {
    const tampered = checkBundleFile(fixture('bundles/tampered.sonae.json'), [
      key('demo-public.pem'),
    ]);
    expect(tampered).toMatchObject({ kind: 'invalid', error: { kind: 'badSignature' } });
    expect(checkBundleFile(text('{"a":1}'), [])).toMatchObject({
      kind: 'invalid',
      error: { kind: 'notSonaeBundle' },
      summary: null,
    });
    expect(checkBundleFile(text('%PDF-1.7'), [])).toMatchObject({
      kind: 'invalid',
      error: { kind: 'foreignFile' },
    });
  });
});

describe('readChosenPublicKey', () => {
  it('reads a PEM public key, labelled with its file name', () => {
    const read = readChosenPublicKey('sender.pem', fixture('keys/demo-public.pem'));
    expect(read).toMatchObject({ ok: true, key: { label: 'sender.pem' } });
  });

  it('refuses what is not a public key file, in plain Japanese', () => {
    expect(readChosenPublicKey('memo.txt', text('メモ'))).toEqual({
      ok: false,
      message:
        '鍵ファイル（PEM形式）として読めません。「-----BEGIN」で始まるファイルを指定してください。',
    });
    expect(readChosenPublicKey('key.pem', fixture('keys/demo-private.pem'))).toEqual({
      ok: false,
      message: '公開鍵ファイルを指定してください（指定されたのは「PRIVATE KEY」です）。',
    });
    const huge = new Uint8Array(10_001);
    expect(readChosenPublicKey('big.pem', huge)).toEqual({
      ok: false,
      message: '公開鍵ファイルとしては大きすぎます。',
    });
    expect(publicKeyFileSizeError(10_000)).toBeNull();
    expect(publicKeyFileSizeError(10_001)).toBe('公開鍵ファイルとしては大きすぎます。');
  });
});

describe('isSignerKey', () => {
  it("compares the key's recomputed id with the signer the file names", () => {
    const checked = checkBundleFile(fixture('bundles/demo.sonae.json'), []);
    const summary = checked.summary;
    expect(isSignerKey(summary, key('demo-public.pem'))).toBe(true);
    expect(isSignerKey(summary, key('other-public.pem'))).toBe(false);
    // A key whose stored id was changed to the signer's is still not the signer.
    expect(
      isSignerKey(summary, { ...key('other-public.pem'), keyId: summary!.issuer.keyId! }),
    ).toBe(false);
    expect(isSignerKey(null, key('demo-public.pem'))).toBe(false);
  });
});
