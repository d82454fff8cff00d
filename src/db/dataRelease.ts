import { dataReleaseKindLabels, type DataRelease, type DataReleaseKind } from '../domain/audit.ts';
import { stationLabel } from '../domain/station.ts';
import { appendAudit } from './auditTrail.ts';
import { readBlobBytes } from './blobBytes.ts';
import { digestHex } from './importChecks.ts';
import { getDatabase } from './instance.ts';
import { requireStation } from './station.ts';

// 持ち出し記録 (PRODUCT.md decision 4): every file Sonae writes that holds personal data, and
// every print of such a document, becomes one 'export' or 'print' entry of the audit trail.

export interface DataReleaseInput {
  kind: DataReleaseKind;
  /** The file's name, or the printed document's title. */
  name: string;
  /** What it holds, in words, for the trail's text: 「連絡先 12件」. */
  what?: string;
  /** How many records it holds, when the writer knows. */
  count?: number | null;
  /** The file exactly as written: hashed here. Leave out for a print. */
  content?: Uint8Array | string | Blob;
  /** The file's SHA-256 when the writer already has it (a backup written in parts). */
  sha256?: string;
  /** An encrypted file: the SHA-256 of the bundle inside. */
  innerSha256?: string | null;
  /** How the file was protected, and to whom (issue 16). */
  protection?: DataRelease['protection'];
  recipients?: DataRelease['recipients'];
}

/** 「CSVファイル「連絡先_20261129.csv」を書き出し（連絡先 12件）」, 「「緊急連絡先一覧」を印刷」. */
export function describeDataRelease(input: Pick<DataReleaseInput, 'kind' | 'name' | 'what'>) {
  const detail = input.what ? `（${input.what}）` : '';
  if (input.kind === 'print') return `「${input.name}」を印刷${detail}`;
  return `${dataReleaseKindLabels[input.kind]}「${input.name}」を書き出し${detail}`;
}

async function hashOf(input: DataReleaseInput): Promise<string | null> {
  if (input.sha256) return input.sha256;
  const { content } = input;
  if (content === undefined) return null;
  const bytes =
    typeof content === 'string'
      ? new TextEncoder().encode(content)
      : ArrayBuffer.isView(content) // not instanceof: bytes may come from another realm
        ? content
        : await readBlobBytes(content);
  return digestHex(bytes);
}

/**
 * Writes one 持ち出し entry in the name of this station's staff. Call it after the file was handed
 * to the browser (or the print began): it never throws and never rejects, so a failed write can
 * not stop an export or a print. A failure is only logged (console.warn) and returns false; the
 * clerk sees nothing, since the file has already left and nothing they can do would change that.
 * Callers that write it in the background pass the database they exported from, taken before
 * they yielded, so the entry never lands in another database opened meanwhile.
 */
export async function recordDataRelease(
  input: DataReleaseInput,
  db = getDatabase(),
): Promise<boolean> {
  try {
    const sha256 = await hashOf(input);
    await db.transaction('rw', db.audit, db.settings, async (tx) => {
      const station = await requireStation(tx);
      const release: DataRelease = {
        kind: input.kind,
        name: input.name.slice(0, 300),
        count: input.count ?? null,
        sha256,
        innerSha256: input.innerSha256 ?? null,
        where: stationLabel(station).slice(0, 300),
        ...(input.protection ? { protection: input.protection } : {}),
        ...(input.recipients ? { recipients: input.recipients } : {}),
      };
      await appendAudit(
        station,
        {
          action: input.kind === 'print' ? 'print' : 'export',
          summary: describeDataRelease(input).slice(0, 1000),
          release,
        },
        db,
      );
    });
    return true;
  } catch (error) {
    console.warn('持ち出し記録を書き込めませんでした。', error);
    return false;
  }
}
