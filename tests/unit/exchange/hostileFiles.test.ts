// @vitest-environment node
// Damaged and hostile bundle files (issue #12, items 13 and 15): refused or shown with a reason,
// never a stack overflow, never a control character that reaches a terminal or the screen raw.
import { describe, expect, it } from 'vitest';
import { describeBundleError, type BundleError } from '../../../src/exchange/bundleErrors.ts';
import { decodeBundleJson, MAX_JSON_DEPTH } from '../../../src/exchange/bundleJson.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { parseBundle, readUnverifiedBundle } from '../../../src/exchange/parseBundle.ts';
import { escapeControlCharacters, escapeTerminalOutput } from '../../../src/exchange/safeText.ts';
import { demoTrusted, encode, otherKey, readFixture, signedBundle } from './bundleHelpers.ts';

/** Every character a terminal or the bidi algorithm obeys, none of which may be printed raw. */
// eslint-disable-next-line no-control-regex -- the characters under test
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** `depth` nested arrays, as text: `[[[…]]]`. */
function nestedArrays(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** The signed demo bundle with `"DEEP"` in the first record's data replaced by `replacement`. */
function demoWithDeepData(replacement: string): Uint8Array {
  const bundle = signedBundle((b) => {
    (b.records[0]!.data as Record<string, unknown>).note = 'DEEP';
  });
  return encode(serializeBundle(bundle).replace('"DEEP"', replacement));
}

function refusal(result: { ok: true } | { ok: false; error: BundleError }): BundleError {
  if (result.ok) throw new Error('accepted, expected a refusal');
  return result.error;
}

describe('item 13: deep nesting is refused before anything recursive runs', () => {
  it('the 40 KB file of 20,000 nested arrays gives a reason, not a RangeError', () => {
    const bytes = demoWithDeepData(nestedArrays(20_000));
    expect(bytes.length).toBeLessThan(60_000);
    // Both paths the app and the CLI take: the full check and the preview/inspect one.
    const checked = refusal(parseBundle(bytes, { trustedKeys: [demoTrusted] }));
    expect(checked).toEqual({ kind: 'tooDeep', limit: MAX_JSON_DEPTH });
    expect(refusal(readUnverifiedBundle(bytes)).kind).toBe('tooDeep');
    expect(describeBundleError(checked)).toBe(
      `ファイルの入れ子が深すぎます（${MAX_JSON_DEPTH}段まで）。Sonae が書き出したファイルではないか、壊れています。`,
    );
  });

  it('counts the envelope as depth 1: exactly the limit is read, one more is refused', () => {
    const at = (depth: number) => decodeBundleJson(encode(nestedArrays(depth)), 1_000_000);
    expect(at(MAX_JSON_DEPTH).ok).toBe(true);
    expect(refusal(at(MAX_JSON_DEPTH + 1)).kind).toBe('tooDeep');
    // Objects count like arrays; brackets inside strings do not count at all.
    const objects = '{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1);
    expect(refusal(decodeBundleJson(encode(objects), 1_000_000)).kind).toBe('tooDeep');
    const inString = JSON.stringify({ text: '[{'.repeat(1000) });
    expect(decodeBundleJson(encode(inString), 1_000_000).ok).toBe(true);
  });

  it('names a deep file as such even when it is also cut off (JSON.parse fails first)', () => {
    const cut = nestedArrays(100_000).slice(0, 150_000);
    expect(refusal(decodeBundleJson(encode(cut), 1_000_000)).kind).toBe('tooDeep');
    // A shallow cut-off file is still told apart as truncated.
    expect(refusal(decodeBundleJson(encode('{"a":[1,2'), 1_000_000)).kind).toBe('truncated');
  });

  it('real bundles stay well inside the limit', () => {
    expect(parseBundle(readFixture('demo.sonae.json'), { trustedKeys: [demoTrusted] }).ok).toBe(
      true,
    );
    // The demo record's data sits 4 levels down: 60 more still decode.
    const roomy = decodeBundleJson(demoWithDeepData(nestedArrays(MAX_JSON_DEPTH - 4)), 10_000_000);
    expect(roomy.ok).toBe(true);
  });
});

describe('item 15: control characters from a file are shown escaped, never obeyed', () => {
  it('escapes C0, DEL, C1 and bidi overrides/isolates as \\uXXXX and leaves Japanese alone', () => {
    expect(escapeControlCharacters('a\u001b[2Kb\rc\nd\te\u007f\u009b\u0085')).toBe(
      'a\\u001b[2Kb\\u000dc\\u000ad\\u0009e\\u007f\\u009b\\u0085',
    );
    expect(escapeControlCharacters('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe(
      '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069',
    );
    expect(escapeControlCharacters('架空市 総務課 窓口PC-01（第2庁舎）')).toBe(
      '架空市 総務課 窓口PC-01（第2庁舎）',
    );
    for (let code = 0; code < 0x2070; code++) {
      const escaped = escapeControlCharacters(String.fromCharCode(code));
      expect(UNSAFE.test(escaped), code.toString(16)).toBe(false);
    }
    // The program's own line breaks survive the last guard; everything else is escaped.
    expect(escapeTerminalOutput('一行目\n\u001b[1A二行目')).toBe('一行目\n\\u001b[1A二行目');
  });

  it('an unknown key whose label carries CR/ESC/CSI cannot paint a fake 「有効」 verdict', () => {
    const fake =
      '\r\u001b[2K\u001b[1A\u001b[2K\u009b32m有効: 信頼する鍵（情報政策課）で正しく署名されています。';
    const bytes = encode(
      serializeBundle(
        signedBundle((b) => {
          b.issuer.label = `市民課${fake}\u202e`;
        }, otherKey),
      ),
    );
    const error = refusal(parseBundle(bytes, { trustedKeys: [demoTrusted] }));
    expect(error.kind).toBe('untrustedKey');
    const message = describeBundleError(error);
    expect(message).not.toMatch(UNSAFE);
    expect(message).toContain(
      '信頼していない鍵で署名されています（発行元「市民課\\u000d\\u001b[2K',
    );
    expect(message).toContain('\\u009b32m有効');
    expect(message).toContain('\\u202e」');
  });

  it('every file-derived part of a refusal is escaped (keys, paths, ids, messages)', () => {
    const bad = 'x\u001b]0;title\u0007\u202e';
    const errors: BundleError[] = [
      { kind: 'forbiddenKey', key: bad, path: bad },
      { kind: 'duplicateKey', key: bad },
      { kind: 'unsafeNumber', path: bad },
      { kind: 'invalidText', path: bad },
      { kind: 'malformedSignature', detail: bad },
      { kind: 'unknownField', path: bad, keys: [bad, bad] },
      { kind: 'invalidEnvelope', path: bad, message: bad },
      { kind: 'invalidRecord', index: 0, type: 'incident', id: bad, path: bad, message: bad },
      { kind: 'invalidRevision', index: 0, type: 'incident', id: bad, problem: 'mismatch' },
      { kind: 'recordTooNew', index: 0, type: 'incident', id: bad, version: bad },
      { kind: 'duplicateRecord', type: 'incident', id: bad },
      { kind: 'duplicateAttachment', id: bad },
      { kind: 'attachmentMismatch', id: bad, problem: 'size' },
      { kind: 'untrustedKey', keyId: bad, fingerprint: bad, issuerLabel: bad },
      { kind: 'roleNotAllowed', role: 'department', index: 0, type: 'contact', id: bad },
    ];
    for (const error of errors) {
      const message = describeBundleError(error);
      expect(message, error.kind).not.toMatch(UNSAFE);
      expect(message, error.kind).toContain('x\\u001b]0;title\\u0007\\u202e');
    }
  });
});
