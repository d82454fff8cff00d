import { AGE_FILE_SUFFIX, recipientsOf } from '../exchange/age/ageFiles.ts';
import { encryptBlob } from '../exchange/age/ageBlob.ts';
import { scryptRecipient, type AgeRecipient } from '../exchange/age/ageRecipients.ts';
import type { DataRelease } from '../domain/audit.ts';
import { readBlobBytes } from './blobBytes.ts';
import type { ExportProtection } from './exportProtection.ts';

export type AgeProtection = Exclude<ExportProtection, { kind: 'clear' }>;

export interface AgeRecipientsOf {
  recipients: AgeRecipient[];
  /** What the 持ち出し記録 keeps of the protection. */
  release: Pick<DataRelease, 'protection' | 'recipients'>;
  /** For the 持ち出し記録's summary: 「情報政策課・保管用あて暗号化」. */
  note: string;
}

/** The age recipients of an encrypted export or backup, and how the 持ち出し記録 names them. */
export function ageRecipientsOf(protection: AgeProtection): AgeRecipientsOf {
  if (protection.kind === 'passphrase')
    return {
      recipients: [scryptRecipient(protection.passphrase)],
      release: { protection: 'passphrase' },
      note: 'パスフレーズで暗号化',
    };
  const parsed = recipientsOf(protection.recipients.map((r) => r.recipient));
  if (!parsed.ok || protection.recipients.length === 0)
    throw new Error(`age の受信者（age1…）ではありません: ${parsed.ok ? '（なし）' : parsed.bad}`);
  return {
    recipients: parsed.recipients,
    release: { protection: 'recipients', recipients: protection.recipients.map((r) => ({ ...r })) },
    note: `${protection.recipients.map((r) => r.label).join('・')}あて暗号化`,
  };
}

export interface ProtectedBlob {
  fileName: string;
  blob: Blob;
  /** False for a clear file. */
  encrypted: boolean;
  release: Pick<DataRelease, 'protection' | 'recipients'>;
  note: string;
}

/**
 * A file that may be large (a whole-station backup) protected as an export is: encrypted with
 * age slice by slice (`….age`), or in clear — then with the reason, which the 持ち出し記録 keeps.
 */
export async function protectBlob(
  fileName: string,
  blob: Blob,
  protection: ExportProtection,
): Promise<ProtectedBlob> {
  if (protection.kind === 'clear') {
    const reason = protection.reason?.trim() ?? '';
    return {
      fileName,
      blob,
      encrypted: false,
      release: reason ? { protection: 'clear' } : {},
      note: reason ? `暗号化なし・理由: ${reason}` : '',
    };
  }
  const { recipients, release, note } = ageRecipientsOf(protection);
  return {
    fileName: fileName + AGE_FILE_SUFFIX,
    blob: await encryptBlob(blob, recipients, readBlobBytes),
    encrypted: true,
    release,
    note,
  };
}
