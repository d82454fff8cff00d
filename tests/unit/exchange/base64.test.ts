// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  decodeBase64Url,
  encodeBase64,
  encodeBase64Url,
} from '../../../src/exchange/base64.ts';
import { encode } from './bundleHelpers.ts';

describe('Base64 codecs', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('matches the RFC 4648 test vector %j', (text, base64) => {
    expect(encodeBase64(encode(text))).toBe(base64);
    expect(decodeBase64(base64)).toEqual(encode(text));
    expect(encodeBase64Url(encode(text))).toBe(base64.replace(/=+$/, ''));
  });

  it('round-trips any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const base64 = encodeBase64(bytes);
        expect(base64).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(base64)).toEqual(bytes);
        expect(decodeBase64Url(encodeBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it.each(['Zg', 'Zg=', 'Z===', 'Zh==', 'Zm9v\n', 'Zm 9v', 'Zm9v-_==', '=Zm9', 'Zm9vY'])(
    'refuses the non-canonical Base64 %j',
    (text) => expect(decodeBase64(text)).toBeNull(),
  );

  it.each(['Zg==', 'Zh', 'a+b/', 'Z'])('refuses the non-canonical Base64url %j', (text) =>
    expect(decodeBase64Url(text)).toBeNull(),
  );
});
