import { beforeEach, describe, expect, it } from 'vitest';
import {
  ageIdentityBackup,
  loadAgeIdentityInfo,
  lockAgeIdentity,
  removeAgeIdentity,
  saveAgeIdentity,
} from '../../../src/db/ageIdentity.ts';
import { decryptAge, encryptAge } from '../../../src/exchange/age/age.ts';
import { joinBytes } from '../../../src/exchange/age/ageStream.ts';
import {
  generateAgeIdentity,
  parseAgeRecipient,
  scryptIdentity,
  scryptRecipient,
  x25519Recipient,
} from '../../../src/exchange/age/ageRecipients.ts';
import { openEncryptedBundle } from '../../../src/features/exchange/openEncryptedBundle.ts';
import { freshDatabaseWithStation } from '../../testDatabase.ts';
import type { SonaeDatabase } from '../../../src/db/database.ts';

// The IT station's age identity (kept only under a passphrase) and opening an encrypted bundle
// for import: every refusal has its own sentence and changes nothing.

const it_ = generateAgeIdentity();
const escrow = generateAgeIdentity();
const stranger = generateAgeIdentity();
const configured = [
  { label: '情報政策課', recipient: it_.recipient },
  { label: '情報政策課（保管用）', recipient: escrow.recipient },
];
const text = '{"format":"sonae-bundle","pretend":"signed"}';
const bundle = new TextEncoder().encode(text);
const FAST = { workFactor: 10 }; // the stored key's scrypt, kept cheap in tests

async function sealTo(...recipients: string[]) {
  return joinBytes(
    await encryptAge(
      bundle,
      recipients.map((r) => x25519Recipient(parseAgeRecipient(r)!)),
    ),
  );
}

let db: SonaeDatabase;
beforeEach(async () => {
  ({ db } = await freshDatabaseWithStation());
  lockAgeIdentity();
});

async function changesNothing(work: () => Promise<unknown>) {
  const before = [await db.audit.count(), await db.settings.count()];
  await work();
  expect([await db.audit.count(), await db.settings.count()]).toEqual(before);
}

describe('a station without an age identity', () => {
  it('names the configured recipients, or says it plainly without them', async () => {
    const sealed = await sealTo(it_.recipient, escrow.recipient);
    await changesNothing(async () => {
      const named = await openEncryptedBundle(sealed, { configuredRecipients: configured });
      expect(named).toEqual({
        status: 'refused',
        message: expect.stringContaining(
          'このファイルは情報政策課・情報政策課（保管用）あての暗号化ファイルです',
        ),
      });
      const plain = await openEncryptedBundle(sealed, { configuredRecipients: [] });
      expect(plain.status === 'refused' && plain.message).toContain('暗号化されています（age）');
    });
  });
});

describe('the IT station', () => {
  it('keeps the identity only encrypted, and its backup opens with the passphrase (age -p format)', async () => {
    const info = await saveAgeIdentity(it_.identity, 'kagi-no-passphrase', 'imported', FAST);
    expect(info?.recipient).toBe(it_.recipient);
    const rows = JSON.stringify(await db.settings.toArray(), (_k, v: unknown) =>
      v instanceof Uint8Array ? new TextDecoder('latin1').decode(v) : v,
    );
    expect(rows).not.toContain(it_.identity);
    expect(rows).not.toContain(it_.identity.toLowerCase());
    const backup = (await ageIdentityBackup())!;
    const opened = await decryptAge(backup, [scryptIdentity('kagi-no-passphrase')]);
    expect(opened.ok && new TextDecoder().decode(opened.value)).toContain(it_.identity);
    expect((await db.audit.orderBy('seq').last())?.summary).toContain('暗号化ファイルを開く鍵');
  });

  it('refuses text that is not one identity and stores nothing', async () => {
    await changesNothing(async () => {
      expect(
        await saveAgeIdentity('AGE-SECRET-KEY-1NOPE', 'kagi-no-passphrase', 'imported', FAST),
      ).toBeNull();
      expect(
        await saveAgeIdentity(
          `${it_.identity}\n${escrow.identity}`,
          'x'.repeat(10),
          'imported',
          FAST,
        ),
      ).toBeNull();
    });
  });

  it('asks for its passphrase once, refuses a wrong one, then opens the file', async () => {
    await saveAgeIdentity(it_.identity, 'kagi-no-passphrase', 'imported', FAST);
    lockAgeIdentity(); // as after a reload
    const sealed = await sealTo(it_.recipient, escrow.recipient);
    await changesNothing(async () => {
      expect(await openEncryptedBundle(sealed, { configuredRecipients: configured })).toEqual({
        status: 'needPassphrase',
        for: 'identity',
        message: null,
      });
      expect(
        await openEncryptedBundle(sealed, {
          configuredRecipients: configured,
          identityPassphrase: 'chigau',
        }),
      ).toEqual({ status: 'needPassphrase', for: 'identity', message: 'パスフレーズが違います。' });
      const opened = await openEncryptedBundle(sealed, {
        configuredRecipients: configured,
        identityPassphrase: 'kagi-no-passphrase',
      });
      expect(opened.status === 'opened' && new TextDecoder().decode(opened.bytes)).toBe(text);
      // Unlocked for the rest of the page: no second question.
      expect((await openEncryptedBundle(sealed, { configuredRecipients: configured })).status).toBe(
        'opened',
      );
    });
  });

  it('refuses a file for another recipient, and a cut or altered file, each with its reason', async () => {
    await saveAgeIdentity(it_.identity, 'kagi-no-passphrase', 'imported', FAST);
    const other = await sealTo(stranger.recipient);
    const mine = await sealTo(it_.recipient);
    const cut = mine.subarray(0, mine.length - 20);
    const altered = mine.slice();
    altered[altered.length - 3]! ^= 1;
    const header = mine.slice();
    header[40]! ^= 1; // inside the stanza line
    await changesNothing(async () => {
      const input = { configuredRecipients: configured };
      const refusal = async (bytes: Uint8Array) => {
        const outcome = await openEncryptedBundle(bytes, input);
        return outcome.status === 'refused' ? outcome.message : outcome.status;
      };
      expect(await refusal(other)).toContain(
        '別の宛先あての暗号化ファイルです。この端末の鍵（情報政策課・age1',
      );
      expect(await refusal(cut)).toContain('途中で切れているか、書き換えられています');
      expect(await refusal(altered)).toContain('途中で切れているか、書き換えられています');
      expect(await refusal(header)).toMatch(/ヘッダー|別の宛先/);
    });
  });

  it('opens a passphrase file with the right passphrase only', async () => {
    const sealed = joinBytes(await encryptAge(bundle, [scryptRecipient('tanin-e-watasu', 10)]));
    const input = { configuredRecipients: configured };
    expect(await openEncryptedBundle(sealed, input)).toEqual({
      status: 'needPassphrase',
      for: 'file',
      message: null,
    });
    expect(await openEncryptedBundle(sealed, { ...input, filePassphrase: 'chigau' })).toEqual({
      status: 'needPassphrase',
      for: 'file',
      message: 'パスフレーズが違います。',
    });
    const opened = await openEncryptedBundle(sealed, {
      ...input,
      filePassphrase: 'tanin-e-watasu',
    });
    expect(opened.status === 'opened' && new TextDecoder().decode(opened.bytes)).toBe(text);
  });
});

describe('removing the age identity', () => {
  it('deletes the stored key and its open copy, with an audit entry; files to it then refuse', async () => {
    await saveAgeIdentity(it_.identity, 'jouhou-seisaku-2026', 'imported', FAST);
    const sealed = await sealTo(it_.recipient);
    expect(await removeAgeIdentity()).toBe(true);
    expect(await loadAgeIdentityInfo()).toBeNull();
    expect((await db.audit.orderBy('seq').last())?.summary).toBe(
      `暗号化ファイルを開く鍵（age）をこの端末から削除: ${it_.recipient}`,
    );
    const outcome = await openEncryptedBundle(sealed, { configuredRecipients: configured });
    expect(outcome).toMatchObject({ status: 'refused' });
    // Nothing left to remove: nothing written.
    await changesNothing(async () => expect(await removeAgeIdentity()).toBe(false));
  });
});
