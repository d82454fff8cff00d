// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkAttachmentRefs } from '../../../src/exchange/attachmentRefs.ts';
import { createBundleAttachment } from '../../../src/exchange/createBundle.ts';
import { describeBundleError } from '../../../src/exchange/bundleErrors.ts';
import { parseBundle } from '../../../src/exchange/parseBundle.ts';
import type { UnsignedBundle } from '../../../src/exchange/bundleFormat.ts';
import type { RecordOf } from '../../../src/domain/recordSchemas.ts';
import type { RecordType } from '../../../src/domain/recordTypes.ts';
import { FIXTURE_IDS, FIXTURE_PNG } from '../../fixtures/bundles/fixtureRecords.ts';
import { demoTrusted, otherKey, otherTrusted, signedBytes } from './bundleHelpers.ts';

const ATTACHMENT = '0000aaaa-0000-4000-8000-000000000001';
const INCIDENT_A = '0000bbbb-0000-4000-8000-00000000000a';
const INCIDENT_B = '0000bbbb-0000-4000-8000-00000000000b';
const bytes = new TextEncoder().encode('screenshot');
const carried = createBundleAttachment(ATTACHMENT, 'image/png', bytes);
const otherBytes = createBundleAttachment(ATTACHMENT, 'image/png', new TextEncoder().encode('x'));

type Ref = { size: number; sha256: string };
const good: Ref = { size: carried.size, sha256: carried.sha256 };
/** Same size, other bytes. */
const elsewhere: Ref = { ...good, sha256: otherBytes.sha256 };

/** An incident leaf in stored form holding one reference per entry of `refs`. */
function leaf(refs: Ref[]): RecordOf<RecordType> {
  return {
    attachments: refs.map((ref) => ({ id: ATTACHMENT, name: 'a.png', mediaType: '', ...ref })),
  } as unknown as RecordOf<RecordType>;
}

/** Records A and B (leaves given as lists of refs) against the attachments carried. */
function check(a: Ref[][], b: Ref[][], withBytes: boolean) {
  return checkAttachmentRefs(
    [
      { type: 'incident', id: INCIDENT_A },
      { type: 'incident', id: INCIDENT_B },
    ],
    [a.map(leaf), b.map(leaf)],
    withBytes ? [carried] : [],
  );
}

describe('checkAttachmentRefs binds every reference to the bytes it names', () => {
  // record A's leaves, record B's leaves, bytes carried → refused as (record, problem) or ok
  // prettier-ignore
  const table: [string, Ref[][], Ref[][], boolean, [string, string] | null][] = [
    ['matching references', [[good]], [[good]], true, null],
    ['one reference without bytes', [[good]], [], false, null],
    ['a tombstone (no content) beside the bytes', [[]], [], true, null],
    ['another size', [[good]], [[{ ...good, size: 3 }]], true, [INCIDENT_B, 'size']],
    ['other bytes under the id', [[elsewhere]], [], true, [INCIDENT_A, 'sha256']],
    ['both wrong: size named first', [[{ ...elsewhere, size: 1 }]], [], true, [INCIDENT_A, 'size']],
    ['a conflict sibling pointing elsewhere', [[good, elsewhere]], [], true, [INCIDENT_A, 'sha256']],
    ['two records disagreeing, no bytes', [[good]], [[elsewhere]], false, [INCIDENT_B, 'conflictingRefs']],
    ['two records agreeing, no bytes', [[good]], [[good]], false, null],
  ];
  for (const [name, a, b, withBytes, expected] of table)
    it(name, () => {
      const result = check(a, b, withBytes);
      if (!expected) return expect(result).toEqual({ ok: true });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({
        kind: 'attachmentRefMismatch',
        type: 'incident',
        id: expected[0],
        index: expected[0] === INCIDENT_A ? 0 : 1,
        attachmentId: ATTACHMENT,
        problem: expected[1],
      });
    });
});

/** The signed demo bundle with its incident's only attachment reference changed. */
function withIncidentRef(change: (ref: Record<string, unknown>) => void, key?: Uint8Array) {
  return signedBytes((bundle: UnsignedBundle) => {
    const incident = bundle.records.find((r) => r.type === 'incident')!;
    change((incident.data.attachments as Record<string, unknown>[])[0]!);
  }, key);
}

describe('parseBundle refuses references that do not match the bytes carried', () => {
  it('accepts the demo bundle, whose reference matches its bytes', () => {
    expect(
      parseBundle(
        withIncidentRef(() => {}),
        { trustedKeys: [demoTrusted] },
      ).ok,
    ).toBe(true);
  });

  it('refuses a reference with another SHA-256, naming the record and the attachment', () => {
    // A department reuses an id it saw in an IT report and points its incident at other bytes.
    const other = createBundleAttachment(FIXTURE_IDS.attachment, 'image/png', FIXTURE_PNG.slice(1));
    const result = parseBundle(
      withIncidentRef((ref) => (ref.sha256 = other.sha256), otherKey),
      { trustedKeys: [otherTrusted] },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'attachmentRefMismatch',
      type: 'incident',
      id: FIXTURE_IDS.incident,
      attachmentId: FIXTURE_IDS.attachment,
      problem: 'sha256',
    });
    const message = describeBundleError(result.error);
    expect(message).toContain(`障害記録（ID ${FIXTURE_IDS.incident}）`);
    expect(message).toContain(`添付ファイル（ID ${FIXTURE_IDS.attachment}）`);
    expect(message).toContain('内容（SHA-256）が一致しません');
  });

  it('refuses a reference with another size', () => {
    const result = parseBundle(
      withIncidentRef((ref) => (ref.size = FIXTURE_PNG.length + 1)),
      { trustedKeys: [demoTrusted] },
    );
    expect(!result.ok && result.error).toMatchObject({
      kind: 'attachmentRefMismatch',
      problem: 'size',
    });
    if (!result.ok) expect(describeBundleError(result.error)).toContain('サイズが一致しません');
  });

  it('does not compare mediaType, which nothing trusts', () => {
    const result = parseBundle(
      withIncidentRef((ref) => (ref.mediaType = 'image/svg+xml')),
      { trustedKeys: [demoTrusted] },
    );
    expect(result.ok).toBe(true);
  });

  it('describes two references that disagree without bytes', () => {
    const message = describeBundleError({
      kind: 'attachmentRefMismatch',
      index: 2,
      type: 'incident',
      id: INCIDENT_A,
      attachmentId: ATTACHMENT,
      problem: 'conflictingRefs',
    });
    expect(message).toBe(
      `3件目の障害記録（ID ${INCIDENT_A}）の添付ファイル（ID ${ATTACHMENT}）は、同じ ID のまま、ほかの記録とは別の内容（サイズまたは SHA-256）を指しています。ファイルが壊れているか改ざんされています。`,
    );
  });
});
