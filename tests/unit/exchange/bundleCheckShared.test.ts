// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ShareAnswer } from '../../../src/exchange/bundleContents.ts';
import type { UnsignedBundle } from '../../../src/exchange/bundleFormat.ts';
import { serializeBundle } from '../../../src/exchange/createBundle.ts';
import { parseBundle, parseBundleAsync } from '../../../src/exchange/parseBundle.ts';
import { checkShare, shareFrom } from '../../../src/exchange/worker/bundleHelper.ts';
import { demoTrusted, encode, readFixture, signedBundle } from './bundleHelpers.ts';

// Issue 9: a helper worker checks most of a file's records while the checking worker reads the
// envelope and the rest (bundleHelper.ts, checkBundleContentsShared). The verdict must be the
// one parseBundle gives alone, whichever worker meets the problem first.

const trustedKeys = [demoTrusted];

/** parseBundleAsync with a helper's answer (`answer` overrides what checkShare found). */
async function checkShared(bytes: Uint8Array, answer?: (found: ShareAnswer) => ShareAnswer) {
  const helped = checkShare(bytes);
  const result = await parseBundleAsync(bytes, {
    trustedKeys,
    share: (total) => ({
      from: shareFrom(total),
      answer: Promise.resolve(answer ? answer(helped.answer) : helped.answer),
    }),
  });
  // What the page does with the helper's leaves (collectCheckResult).
  if (result.ok && result.sharedFrom !== undefined) {
    const { sharedFrom: _from, ...rest } = result;
    return { ...rest, leaves: [...result.leaves, ...helped.leaves] };
  }
  return result;
}

function bytesOf(change: (bundle: UnsignedBundle) => void, keepRevs = false): Uint8Array {
  return encode(serializeBundle(signedBundle(change, undefined, { keepRevs })));
}

// The fixture's six records: system, contact, contact, incidentLevel, procedure, incident (with
// an attachment). The helper takes records 2… (shareFrom(6) = shareFrom(7) = 2).
const title = (bundle: UnsignedBundle, index: number, value: unknown) => {
  (bundle.records[index]!.data as Record<string, unknown>).title = value;
};
const copyOf = (bundle: UnsignedBundle, index: number) => structuredClone(bundle.records[index]!);

it('splits the fixture where the cases below expect', () => {
  expect([shareFrom(6), shareFrom(7)]).toEqual([2, 2]);
});

const badFiles: [string, Uint8Array][] = [
  ['a changed record in the helper’s share', bytesOf((b) => title(b, 4, '書き換え'), true)],
  ['a changed record before it', bytesOf((b) => title(b, 0, '書き換え'), true)],
  [
    'changed records on both sides',
    bytesOf((b) => {
      title(b, 1, '書き換え');
      title(b, 5, '書き換え');
    }, true),
  ],
  [
    'a record twice in the share before a bad one',
    bytesOf((b) => {
      b.records.splice(3, 0, copyOf(b, 0));
      title(b, 5, 42);
    }),
  ],
  [
    'a bad record in the share before a record twice',
    bytesOf((b) => {
      title(b, 3, 42);
      b.records.splice(5, 0, copyOf(b, 0));
    }),
  ],
  ['a record twice within the share', bytesOf((b) => b.records.push(copyOf(b, 5)))],
  [
    'a bad conflict sibling in the share',
    bytesOf((b) => {
      const { type: _t, id: _i, conflicts: _c, ...leaf } = copyOf(b, 4);
      b.records[4]!.conflicts = [{ ...leaf, data: { ...leaf.data, title: 42 } }];
    }),
  ],
  [
    'an attachment reference in the share that does not match the bytes',
    bytesOf((b) => {
      const data = b.records[5]!.data as { attachments: { size: number }[] };
      data.attachments[0]!.size += 1;
    }),
  ],
];

describe('records checked by a helper at the same time', () => {
  it('give the same leaves, keys and attachments as parseBundle alone', async () => {
    for (const bytes of [readFixture('demo.sonae.json'), readFixture('demo-v1.sonae.json')]) {
      const alone = parseBundle(bytes, { trustedKeys });
      const shared = await checkShared(bytes);
      expect(shared).toEqual(alone);
      expect(checkShare(bytes).answer).toMatchObject({ ok: true, from: 2 });
    }
  });

  it.each(badFiles)('give the same verdict: %s', async (_name, bytes) => {
    const alone = parseBundle(bytes, { trustedKeys });
    expect(alone.ok).toBe(false);
    expect(await checkShared(bytes)).toEqual(alone);
  });

  it('are checked here when the helper could not, or split elsewhere', async () => {
    for (const [, bytes] of [['good', readFixture('demo.sonae.json')] as const, ...badFiles]) {
      const alone = parseBundle(bytes, { trustedKeys });
      expect(await checkShared(bytes, () => null)).toEqual(alone);
      expect(
        await checkShared(bytes, (found) => (found ? { ...found, from: found.from + 1 } : null)),
      ).toEqual(alone);
    }
  });

  it('never decide alone: a file refused before the records is refused the same', async () => {
    for (const name of ['tampered.sonae.json', 'untrusted.sonae.json', 'too-new.sonae.json']) {
      const bytes = readFixture(name);
      expect(await checkShared(bytes)).toEqual(parseBundle(bytes, { trustedKeys }));
    }
    // What the helper cannot read at all, it leaves to the checking worker.
    expect(checkShare(encode('{"records": 3')).answer).toBeNull();
    expect(checkShare(encode('[1, 2]')).answer).toBeNull();
    expect(checkShare(encode('{"records": [{"type": "nope"}]}')).answer).toBeNull();
  });
});
