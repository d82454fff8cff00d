// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCheck, type KeyChoice } from '../../../src/verifier/checkerView.ts';
import { readChosenPublicKey } from '../../../src/exchange/verifyFile.ts';

// What the standalone Windows checker says about a file (issue 10, item 6): the verdict, the
// signer's fingerprint, whether the chosen .pem is that key, format version, created at in 和暦
// and 西暦, counts, the SHA-256 as Get-FileHash prints it, and the reason for a bad file.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(ROOT, 'tests/fixtures', name)));
const DEMO_FINGERPRINT = '6354-6637-0957-1645-5690';
const getFileHash = (bytes: Uint8Array) =>
  createHash('sha256').update(bytes).digest('hex').toUpperCase();

function keyFile(name: string): KeyChoice {
  const read = readChosenPublicKey(name, fixture(`keys/${name}`));
  if (!read.ok) throw new Error(read.message);
  return { fileName: name, ok: true, key: read.key };
}

/** Term → its values, to read a view as the page shows it. */
function factsOf(view: ReturnType<typeof describeCheck>): Record<string, string[]> {
  return Object.fromEntries(view.facts.map((fact) => [fact.term, fact.values]));
}

/** Term → the small line under its values. */
function hintsOf(view: ReturnType<typeof describeCheck>): Record<string, string | undefined> {
  return Object.fromEntries(view.facts.map((fact) => [fact.term, fact.hint]));
}

describe('describeCheck', () => {
  it('without a key: 署名は未確認, with everything the file claims and its Get-FileHash value', () => {
    const bytes = fixture('bundles/demo.sonae.json');
    const view = describeCheck('demo.sonae.json', bytes, null);
    expect(view.tone).toBe('unverified');
    expect(view.verdict).toBe('署名は未確認');
    expect(view.reason).toContain('公開鍵ファイルを選んでいないため');
    const facts = factsOf(view);
    expect(facts['ファイルの SHA-256']![0]).toBe(getFileHash(bytes));
    expect(facts['署名した鍵の指紋']).toEqual([DEMO_FINGERPRINT]);
    expect(hintsOf(view)['署名した鍵の指紋']).toBe(
      '鍵ID（RFC 7638 の拇印）: 17BwxN17QGcFCuEaTlYDvdjMjAEGA7CHKvgXnX2bVy8',
    );
    expect(hintsOf(view)['ファイルの SHA-256']).toContain('Get-FileHash -Algorithm SHA256');
    expect(facts['選んだ公開鍵']).toEqual(['選んでいません']);
    expect(facts['発行元']).toEqual(['架空市 情報政策課 管理PC-01（情報政策課）']);
    expect(facts['形式の版']).toEqual(['2']);
    expect(facts['作成日時']).toEqual(['令和8年11月21日（2026年） 9:05（日本時間）']);
    expect(hintsOf(view)['作成日時']).toBe('ファイルの値: 2026-11-21T00:05:00.000Z');
    expect(facts['種類・通し番号']).toEqual(['すべて・通し番号 1']);
    expect(facts['記録の件数']).toEqual([
      'システム 1件',
      '障害記録 1件',
      '連絡先 2件（うち削除 1件）',
      '障害レベル 1件',
      '代替手順 1件',
      '添付ファイル 1件（70B）',
    ]);
    expect(view.note).toContain('ファイルに書かれているだけの内容です');
  });

  it("with the signer's .pem: 有効, and the key is said to match", () => {
    const view = describeCheck(
      'demo.sonae.json',
      fixture('bundles/demo.sonae.json'),
      keyFile('demo-public.pem'),
    );
    expect(view.tone).toBe('valid');
    expect(view.verdict).toBe('有効');
    expect(view.reason).toBe(
      '選んだ公開鍵（demo-public.pem）で正しく署名されていて、内容も壊れていません。',
    );
    expect(factsOf(view)['選んだ公開鍵']).toEqual([
      `demo-public.pem（指紋 ${DEMO_FINGERPRINT}）`,
      '署名した鍵と一致します。',
    ]);
    expect(view.note).toBeNull();
  });

  it('reads a format-1 file and says so', () => {
    const view = describeCheck(
      'demo-v1.sonae.json',
      fixture('bundles/demo-v1.sonae.json'),
      keyFile('demo-public.pem'),
    );
    expect(view.tone).toBe('valid');
    expect(factsOf(view)['形式の版']).toEqual(['1']);
  });

  it("with another key: still 未確認, and the key is said not to be the signer's", () => {
    const view = describeCheck(
      'demo.sonae.json',
      fixture('bundles/demo.sonae.json'),
      keyFile('other-public.pem'),
    );
    expect(view.tone).toBe('unverified');
    expect(view.reason).toContain('この公開鍵は、このファイルに署名した鍵ではありません');
    expect(factsOf(view)['選んだ公開鍵']![1]).toBe('署名した鍵と一致しません。');
  });

  it('with a key file that cannot be used: 未確認 with the reason', () => {
    const bad: KeyChoice = {
      fileName: 'memo.txt',
      ok: false,
      message: '鍵ファイル（PEM形式）として読めません。',
    };
    const view = describeCheck('demo.sonae.json', fixture('bundles/demo.sonae.json'), bad);
    expect(view.tone).toBe('unverified');
    expect(view.reason).toBe(
      '選んだ公開鍵ファイルを使えません: 鍵ファイル（PEM形式）として読めません。',
    );
    expect(factsOf(view)['選んだ公開鍵']).toEqual([
      'memo.txt: 鍵ファイル（PEM形式）として読めません。',
    ]);
  });

  it('a tampered file: 無効, 署名が一致しません; contents that fail their own checks are not shown', () => {
    const view = describeCheck(
      'tampered.sonae.json',
      fixture('bundles/tampered.sonae.json'),
      keyFile('demo-public.pem'),
    );
    expect(view.tone).toBe('invalid');
    expect(view.verdict).toBe('無効');
    expect(view.reason).toContain('署名が一致しません');
    expect(factsOf(view)['内容']).toEqual(['確かめられないため表示しません。']);
    expect(view.note).toBeNull();
  });

  it("signed by another key in the demo key's name: 無効, the claimed signer marked as unconfirmed", () => {
    const view = describeCheck(
      'wrong-key.sonae.json',
      fixture('bundles/wrong-key.sonae.json'),
      keyFile('demo-public.pem'),
    );
    expect(view.tone).toBe('invalid');
    expect(view.reason).toContain('署名が一致しません');
    expect(factsOf(view)['署名した鍵の指紋']![0]).toBe(DEMO_FINGERPRINT);
    expect(view.note).toContain('ファイルに書かれているだけの内容です');
  });

  it('a file of a newer format: 無効 with the reason of describeBundleError', () => {
    const view = describeCheck(
      'too-new.sonae.json',
      fixture('bundles/too-new.sonae.json'),
      keyFile('demo-public.pem'),
    );
    expect(view.tone).toBe('invalid');
    expect(view.reason).toContain('新しい版の Sonae で作られています（形式バージョン 3）');
  });

  it('a file that is not JSON: 無効, its SHA-256, no contents', () => {
    const bytes = new TextEncoder().encode('これは JSON ではありません');
    const view = describeCheck('memo.sonae.json', bytes, null);
    expect(view.tone).toBe('invalid');
    expect(view.reason).toBe('Sonae のファイル（JSON形式）として読めません。');
    expect(factsOf(view)).toEqual({
      'ファイルの SHA-256': [getFileHash(bytes)],
      内容: ['確かめられないため表示しません。'],
    });
    expect(view.note).toBeNull();
  });

  it('shows control characters from a file name as escapes, never as they are', () => {
    const view = describeCheck('a\u202Ejson.exe', new Uint8Array(), null);
    expect(view.fileName).toBe('a\\u202ejson.exe');
    expect(view.reason).toBe('ファイルが空です。');
  });
});
