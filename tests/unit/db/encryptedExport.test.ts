import { beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { auditEntrySchema } from '../../../src/domain/audit.ts';
import { emptySystem } from '../../../src/domain/system.ts';
import { saveRecord } from '../../../src/db/records.ts';
import { exportBundle } from '../../../src/db/exchangeExport.ts';
import {
  ClearExportRefusedError,
  findExportRelease,
  loadSeenRecipients,
  noteRecipientsSeen,
} from '../../../src/db/exportProtection.ts';
import { decryptAge } from '../../../src/exchange/age/age.ts';
import { joinBytes } from '../../../src/exchange/age/ageStream.ts';
import {
  generateAgeIdentity,
  parseAgeIdentity,
  scryptIdentity,
  x25519Identity,
} from '../../../src/exchange/age/ageRecipients.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';

// Issue 16: sign first, then encrypt with age; the 持ち出し記録 names the recipients and both
// hashes; once recipients were seen, a clear export needs a reason.

const working = generateAgeIdentity();
const escrow = generateAgeIdentity();
const recipients = [
  { label: '情報政策課', recipient: working.recipient },
  { label: '情報政策課（保管用）', recipient: escrow.recipient },
];
const hex = (bytes: Uint8Array) => bytesToHex(sha256(bytes));
const fileBytes = (parts: Uint8Array[] | string) =>
  typeof parts === 'string' ? new TextEncoder().encode(parts) : joinBytes(parts);

let db: SonaeDatabase;
beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  await saveRecord('system', { ...emptySystem(), name: '住民記録システム' });
});

describe('an export encrypted to the IT section', () => {
  it('is the signed bundle, encrypted to every recipient, as ….sonae.json.age', async () => {
    const result = (await exportBundle({
      kind: 'full',
      types: ['system'],
      protection: { kind: 'recipients', recipients },
    }))!;
    expect(result.fileName).toMatch(/\.sonae\.json\.age$/);
    const sealed = fileBytes(result.file.parts);
    expect(new TextDecoder().decode(sealed.subarray(0, 21))).toBe('age-encryption.org/v1');
    expect(new TextDecoder().decode(sealed)).not.toContain('住民記録システム');
    for (const key of [working, escrow]) {
      const opened = await decryptAge(sealed, [x25519Identity(parseAgeIdentity(key.identity)!)]);
      expect(opened.ok && new TextDecoder().decode(opened.value)).toBe(result.text);
    }
    expect(await result.released).toBe(true);
    const entry = auditEntrySchema.parse(await findExportRelease(result.fileName));
    expect(entry.release).toMatchObject({
      kind: 'bundle',
      protection: 'recipients',
      recipients,
      sha256: hex(sealed),
      innerSha256: hex(new TextEncoder().encode(result.text)),
    });
    expect(entry.summary).toContain('情報政策課・情報政策課（保管用）あて暗号化');
  });

  it(
    'to a passphrase: age scrypt, opened by the passphrase only',
    { timeout: 120_000 },
    async () => {
      const result = (await exportBundle({
        kind: 'full',
        types: ['system'],
        protection: { kind: 'passphrase', passphrase: 'correct-horse-battery' },
      }))!;
      const sealed = fileBytes(result.file.parts);
      expect(new TextDecoder().decode(sealed)).toContain('-> scrypt ');
      const wrong = await decryptAge(sealed, [scryptIdentity('wrong-horse-battery')]);
      expect(wrong.ok).toBe(false);
      const right = await decryptAge(sealed, [scryptIdentity('correct-horse-battery')]);
      expect(right.ok && new TextDecoder().decode(right.value)).toBe(result.text);
      await result.released;
      expect((await findExportRelease(result.fileName))?.release?.protection).toBe('passphrase');
    },
  );
});

describe('a station that has seen recipients', () => {
  it('refuses a clear export without a reason, and writes nothing for it', async () => {
    await noteRecipientsSeen(recipients);
    expect((await loadSeenRecipients())?.recipients).toEqual(recipients);
    const auditBefore = await db.audit.count();
    const exportedBefore = await db.table('exportedRevs').count();
    await expect(exportBundle({ kind: 'full', types: ['system'] })).rejects.toBeInstanceOf(
      ClearExportRefusedError,
    );
    await expect(
      exportBundle({
        kind: 'full',
        types: ['system'],
        protection: { kind: 'clear', reason: '  ' },
      }),
    ).rejects.toBeInstanceOf(ClearExportRefusedError);
    expect(await db.audit.count()).toBe(auditBefore);
    expect(await db.table('exportedRevs').count()).toBe(exportedBefore);
  });

  it('exports in clear with a reason, and the 持ち出し記録 keeps the choice and the reason', async () => {
    await noteRecipientsSeen(recipients);
    const result = (await exportBundle({
      kind: 'full',
      types: ['system'],
      protection: { kind: 'clear', reason: '暗号化に対応していない委託先へ渡すため' },
    }))!;
    expect(result.fileName).toMatch(/\.sonae\.json$/);
    await result.released;
    const entry = (await findExportRelease(result.fileName))!;
    expect(entry.release?.protection).toBe('clear');
    expect(entry.summary).toContain('暗号化なし・理由: 暗号化に対応していない委託先へ渡すため');
  });

  it('a station that never saw recipients exports in clear as before', async () => {
    const result = (await exportBundle({ kind: 'full', types: ['system'] }))!;
    expect(result.fileName).toMatch(/\.sonae\.json$/);
    // The file is handed over as the signed bytes (a Blob of them), which are the text in UTF-8.
    expect(new TextDecoder().decode(joinBytes(result.file.parts as Uint8Array[]))).toBe(
      result.text,
    );
  });
});
