// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeyPair, encodePrivateKeyPem } from '../../../src/exchange/keys.ts';
import { decryptPrivateKeyPem, encryptPrivateKeyPem } from '../../../src/exchange/keyBackup.ts';
import { signBundle } from '../../../src/exchange/bundleSignature.ts';
import { createTrustedKey } from '../../../src/exchange/bundleTrust.ts';
import { parseBundle } from '../../../src/exchange/parseBundle.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { buildFixtureBundle } from '../../fixtures/bundles/fixtureRecords.ts';
import { encode } from './bundleHelpers.ts';

afterEach(() => vi.unstubAllGlobals());

describe('on a plain-HTTP origin (no crypto.subtle, only getRandomValues)', () => {
  it('makes keys, signs, verifies and backs up keys in pure JS', async () => {
    const getRandomValues = crypto.getRandomValues.bind(crypto);
    vi.stubGlobal('crypto', { getRandomValues });
    expect(globalThis.crypto.subtle).toBeUndefined();

    const { privateKey, publicKey } = generateKeyPair();
    const signed = signBundle(buildFixtureBundle(), privateKey);
    const trusted = createTrustedKey(publicKey, '情報政策課', 'it-section');
    expect(parseBundle(encode(serializeBundle(signed)), { trustedKeys: [trusted] }).ok).toBe(true);
    const backup = await encryptPrivateKeyPem(privateKey, 'パスフレーズ', { iterations: 1000 });
    expect(await decryptPrivateKeyPem(backup, 'パスフレーズ')).toEqual({ ok: true, privateKey });
    expect(encodePrivateKeyPem(privateKey)).toContain('PRIVATE KEY');
  });
});
