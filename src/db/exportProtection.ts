import { encryptAgeAround, type AgeChunkSealer } from '../exchange/age/age.ts';
import type { SigningBundle } from '../exchange/bundleSignature.ts';
import { AGE_FILE_SUFFIX } from '../exchange/age/ageFiles.ts';
import { ageRecipientsOf } from './ageProtection.ts';
import type { AuditEntry, DataRelease } from '../domain/audit.ts';
import { nowIso } from '../domain/dateTime.ts';
import { getDatabase } from './instance.ts';

/**
 * How an exported bundle leaves the PC (issue 16, PRODUCT.md decisions 3 and 4): signed first,
 * then encrypted with age to the IT section's recipients or to a passphrase; or in clear. Once
 * this station has seen encryption recipients it remembers them, and a clear export needs an
 * explicit choice with a reason, which the 持ち出し記録 keeps.
 */

export interface NamedRecipient {
  label: string;
  recipient: string;
}

export type ExportProtection =
  | { kind: 'recipients'; recipients: NamedRecipient[] }
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'clear'; reason?: string };

// DO NOT RENAME: settings key stored in IndexedDB.
const SEEN_KEY = 'encryptionRecipientsSeen';

export interface SeenRecipients {
  at: string;
  recipients: NamedRecipient[];
}

/** Thrown when a clear export is asked for without a reason after recipients were seen. */
export class ClearExportRefusedError extends Error {
  override name = 'ClearExportRefusedError';
  constructor() {
    super(
      '暗号化の宛先が設定されたことのある端末です。暗号化せずに書き出すには、理由を入力してください。',
    );
  }
}

/** Remembers the recipients the config lists (the latest list wins; an empty list is ignored). */
export async function noteRecipientsSeen(recipients: readonly NamedRecipient[]): Promise<void> {
  if (recipients.length === 0) return;
  const db = getDatabase();
  await db.transaction('rw', db.settings, async () => {
    const seen = (await db.settings.get(SEEN_KEY))?.value as SeenRecipients | undefined;
    const same =
      seen && JSON.stringify(seen.recipients) === JSON.stringify(recipients.map((r) => ({ ...r })));
    if (!same)
      await db.settings.put({
        key: SEEN_KEY,
        value: { at: nowIso(), recipients: [...recipients] },
      });
  });
}

/** The recipients this station has seen, or null when it never has. */
export async function loadSeenRecipients(): Promise<SeenRecipients | null> {
  const row = await getDatabase().settings.get(SEEN_KEY);
  return (row?.value as SeenRecipients | undefined) ?? null;
}

export interface ProtectedFile {
  fileName: string;
  parts: Uint8Array[] | string;
  mediaType: string;
  /**
   * The signed bundle inside an encrypted file (its SHA-256 goes in the 持ち出し記録); null for a
   * clear one. Hashes are taken after the file is handed over, not here: on 22 MB the pure-JS
   * SHA-256 took longer than the encryption.
   */
  inner: Uint8Array[] | null;
  release: Pick<DataRelease, 'protection' | 'recipients'>;
  /** For the 持ち出し記録's summary: 「情報政策課・保管用あて暗号化」. */
  note: string;
}

/** Refuses a clear export without a reason on a station that has seen recipients; call it first. */
export async function assertExportAllowed(protection: ExportProtection): Promise<void> {
  if (protection.kind !== 'clear' || protection.reason?.trim()) return;
  if (await loadSeenRecipients()) throw new ClearExportRefusedError();
}

export interface ProtectedBundle {
  file: ProtectedFile;
  /** The signed bundle's text (inside the file when it is encrypted); decoded when first read. */
  readonly text: string;
}

/**
 * Signs the bundle and encrypts it (or not) for the file to write; refuses a clear export without
 * a reason after recipients were seen. Encrypted, the bulk of the file is sealed by `seal` (a
 * worker) while the signature is made, so encryption adds little to the export's time.
 */
export async function protectBundle(
  fileName: string,
  signing: SigningBundle,
  protection: ExportProtection,
  seal?: AgeChunkSealer,
): Promise<ProtectedBundle> {
  if (protection.kind === 'clear') {
    await assertExportAllowed(protection);
    const reason = protection.reason?.trim() ?? '';
    const signed = await signing.sign();
    const file: ProtectedFile = {
      fileName,
      // The signed bytes, not the text: a Blob made of a 22 MB string encodes it to UTF-8 again.
      parts: [signing.head, signed.tail],
      mediaType: 'application/json',
      inner: null,
      release: reason ? { protection: 'clear' } : {},
      note: reason ? `暗号化なし・理由: ${reason}` : '',
    };
    return {
      file,
      get text() {
        return signed.text;
      },
    };
  }
  const { recipients, release, note } = ageRecipientsOf(protection);
  const { parts, value } = await encryptAgeAround(
    recipients,
    signing.head,
    async () => {
      const signed = await signing.sign();
      return { tail: signed.tail, value: signed };
    },
    seal,
  );
  const file: ProtectedFile = {
    fileName: fileName + AGE_FILE_SUFFIX,
    parts,
    mediaType: 'application/octet-stream',
    inner: [signing.head, value.tail],
    release,
    note,
  };
  return {
    file,
    get text() {
      return value.text;
    },
  };
}

/** The 持ち出し記録 of the latest export of `fileName` (to show and print it), or null. */
export async function findExportRelease(fileName: string): Promise<AuditEntry | null> {
  const entries = await getDatabase()
    .audit.where('action')
    .equals('export')
    .reverse()
    .limit(50)
    .toArray();
  return entries.find((entry) => entry.release?.name === fileName) ?? null;
}

/** One 持ち出し記録 by its audit sequence number (the print page), or null. */
export async function loadExportRelease(seq: number): Promise<AuditEntry | null> {
  const entry = await getDatabase().audit.get(seq);
  return entry?.action === 'export' && entry.release ? entry : null;
}
