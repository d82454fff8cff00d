// @vitest-environment node
// `npm run print -- --bundle`: the file is verified in Node, with the bundle tool's code, before
// any browser starts (scripts/printBundle.ts). A refused file gives the Japanese reason.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { municipalityOfIssuer, verifyBundleFile } from '../../../scripts/printBundle.ts';
import { PrintFailure } from '../../../scripts/printFailure.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const bundle = (name: string) => path.join(FIXTURES, 'bundles', name);
const DEMO_KEY = path.join(FIXTURES, 'keys/demo-public.pem');
const OTHER_KEY = path.join(FIXTURES, 'keys/other-public.pem');

const work = mkdtempSync(path.join(tmpdir(), 'sonae-print-bundle-'));
/** A build folder with no sonae.config.json: only --trust keys count. */
const bareDist = path.join(work, 'bare');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A build folder whose sonae.config.json holds `config`. */
function distWithConfig(name: string, config: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'sonae.config.json'), config);
  return dir;
}

async function refusal(file: string, trust: string[], dist = bareDist): Promise<string> {
  const error: unknown = await verifyBundleFile(file, trust, dist).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrintFailure);
  const message = (error as PrintFailure).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('verifyBundleFile', () => {
  it('accepts a file signed by a --trust key, naming that key file for the page to register', async () => {
    const verified = await verifyBundleFile(
      bundle('demo.sonae.json'),
      [OTHER_KEY, DEMO_KEY],
      bareDist,
    );
    expect(verified.trustFile).toBe(DEMO_KEY);
    expect(verified.signerLabel).toBe('demo-public.pem');
    expect(verified.fingerprint).toMatch(/^\d{4}(-\d{4}){4}$/);
    expect(verified.bundle.issuer.label).toBe('架空市 情報政策課 管理PC-01');
    expect(verified.bytes).toEqual(new Uint8Array(readFileSync(bundle('demo.sonae.json'))));
  });

  it('accepts the format-1 file every later version must still read', async () => {
    const verified = await verifyBundleFile(bundle('demo-v1.sonae.json'), [DEMO_KEY], bareDist);
    expect(verified.bundle.records.length).toBeGreaterThan(0);
  });

  it('accepts a signer the build already trusts in sonae.config.json, with nothing to register', async () => {
    const config = JSON.stringify({
      format: 'sonae-config',
      version: 1,
      trustedKeys: [
        { label: '情報政策課', role: 'it-section', publicKeyPem: readFileSync(DEMO_KEY, 'utf8') },
      ],
    });
    const dist = distWithConfig('configured', config);
    const verified = await verifyBundleFile(bundle('demo.sonae.json'), [], dist);
    expect(verified.trustFile).toBeNull();
    expect(verified.signerLabel).toBe('情報政策課');
  });

  it('refuses a tampered, too new, wrongly signed or untrusted file with the reason', async () => {
    expect(await refusal(bundle('tampered.sonae.json'), [DEMO_KEY])).toContain(
      '署名が一致しません',
    );
    expect(await refusal(bundle('wrong-key.sonae.json'), [DEMO_KEY])).toContain(
      '署名が一致しません',
    );
    expect(await refusal(bundle('too-new.sonae.json'), [DEMO_KEY])).toContain('新しい版');
    const untrusted = await refusal(bundle('untrusted.sonae.json'), [DEMO_KEY]);
    expect(untrusted).toContain('信頼していない鍵');
    expect(untrusted).toContain('--trust');
    // With no key at all, the same: nothing is trusted by default.
    expect(await refusal(bundle('demo.sonae.json'), [])).toContain('信頼していない鍵');
    for (const message of [untrusted, await refusal(bundle('tampered.sonae.json'), [DEMO_KEY])]) {
      expect(message).toContain('何も印刷していません');
      expect(message).toMatch(/^取り込めません: /);
    }
  });

  it('refuses a file that is not a bundle, and one that cannot be read', async () => {
    const notBundle = path.join(work, 'memo.sonae.json');
    writeFileSync(notBundle, '住民票の写しの交付について');
    expect(await refusal(notBundle, [DEMO_KEY])).toContain('読めません');
    expect(await refusal(path.join(work, 'missing.sonae.json'), [DEMO_KEY])).toContain(
      'ファイルを読めません',
    );
  });

  it('refuses a --trust file that is not a public key, and a broken sonae.config.json', async () => {
    const copied = path.join(work, 'not-a-key.pem');
    copyFileSync(bundle('example.sonae.json'), copied);
    expect(await refusal(bundle('demo.sonae.json'), [copied])).toContain(copied);
    const broken = distWithConfig('broken', '{"format": "sonae-config"');
    expect(await refusal(bundle('demo.sonae.json'), [DEMO_KEY], broken)).toContain(
      'sonae.config.json',
    );
  });
});

describe('municipalityOfIssuer', () => {
  it('takes what comes before the department in the station label', () => {
    expect(
      municipalityOfIssuer({ label: '架空市 情報政策課 管理PC-01', department: '情報政策課' }),
    ).toBe('架空市');
    // A municipality with a space in its name stays whole.
    expect(municipalityOfIssuer({ label: '架空県 架空町 総務課 PC-1', department: '総務課' })).toBe(
      '架空県 架空町',
    );
  });

  it('falls back to the first word, and says so when there is none', () => {
    expect(municipalityOfIssuer({ label: '架空村　総務課', department: '税務課' })).toBe('架空村');
    expect(municipalityOfIssuer({ label: '  ', department: '' })).toBe('（自治体名なし）');
  });
});
