import { recordTypeLabels, type RecordType } from '../domain/recordTypes.ts';
import { revisionProblemLabels, type RevisionProblem } from '../domain/revision.ts';
import { formatDateTimeShort } from '../domain/dateTime.ts';
import { escapeControlCharacters as shown } from './safeText.ts';
import { allowedRecordTypes, signerRoleLabels, type SignerRole } from './signerRoles.ts';

/** File types people save by mistake under a .json name, told apart by their first bytes. */
export type ForeignFileType = 'zip' | 'png' | 'jpeg' | 'gif' | 'pdf';

/** Every reason a bundle is refused. describeBundleError turns each into Japanese. */
export type BundleError =
  | { kind: 'tooLarge'; size: number; limit: number }
  | { kind: 'empty' }
  | { kind: 'foreignFile'; looksLike: ForeignFileType }
  | { kind: 'notUtf8' }
  | { kind: 'notJson' }
  | { kind: 'truncated' }
  | { kind: 'tooDeep'; limit: number }
  | { kind: 'forbiddenKey'; key: string; path: string }
  | { kind: 'duplicateKey'; key: string }
  | { kind: 'unsafeNumber'; path: string }
  | { kind: 'invalidText'; path: string }
  | { kind: 'notSonaeBundle' }
  | { kind: 'tooNew'; formatVersion: number }
  | { kind: 'unsupportedFormatVersion' }
  | { kind: 'missingSignature' }
  | { kind: 'malformedSignature'; detail: string }
  | { kind: 'unknownField'; path: string; keys: string[] }
  | { kind: 'invalidEnvelope'; path: string; message: string }
  | {
      kind: 'invalidRecord';
      index: number;
      type: RecordType;
      id: string;
      path: string;
      message: string;
    }
  | {
      kind: 'invalidRevision';
      index: number;
      type: RecordType;
      id: string;
      problem: RevisionProblem;
    }
  | { kind: 'recordTooNew'; index: number; type: RecordType; id: string; version: string }
  | { kind: 'duplicateRecord'; type: RecordType; id: string }
  | { kind: 'duplicateAttachment'; id: string }
  | { kind: 'attachmentMismatch'; id: string; problem: 'notBase64' | 'size' | 'sha256' }
  | { kind: 'untrustedKey'; keyId: string; fingerprint: string; issuerLabel: string }
  | { kind: 'badSignature' }
  | { kind: 'roleNotAllowed'; role: SignerRole; index: number; type: RecordType; id: string }
  // --- Attachment references vs the bytes carried (issue 12, item 12: attachmentRefs.ts) ---
  | {
      kind: 'attachmentRefMismatch';
      index: number;
      type: RecordType;
      id: string;
      attachmentId: string;
      problem: 'size' | 'sha256' | 'conflictingRefs';
    }
  // --- Replays and stored attachment bytes (issue 12, items 3, 4 and 12: checkReplay in
  // bundleTrust.ts, applyImport in src/db/exchangeImport.ts) ---
  | { kind: 'alreadyImported'; importedAt: string; fileName: string }
  | { kind: 'attachmentChanged'; attachmentId: string };

const foreignFileNames: Record<ForeignFileType, string> = {
  zip: 'ZIP形式のファイル（圧縮フォルダ、Excel・Word の文書など）',
  png: 'PNG 画像',
  jpeg: 'JPEG 画像（写真）',
  gif: 'GIF 画像',
  pdf: 'PDF 文書',
};

const attachmentProblems = {
  notBase64: 'データの形式が正しくありません',
  size: 'サイズが記載と一致しません',
  sha256: '内容がハッシュ値（SHA-256）と一致しません',
} as const;

// Attachment references (issue 12, item 12): a reference that disagrees with the bytes it names.
const attachmentRefProblems = {
  size: 'ファイルに含まれる添付とサイズが一致しません',
  sha256: 'ファイルに含まれる添付と内容（SHA-256）が一致しません',
  conflictingRefs: '同じ ID のまま、ほかの記録とは別の内容（サイズまたは SHA-256）を指しています',
} as const;

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024 / 1024)} MB`;
}

function at(path: string): string {
  return path ? `（${shown(path)}）` : '';
}

/**
 * One Japanese explanation per refusal, for staff and for the CLI's terminal. Exhaustive: a new
 * kind fails to compile. Every string that came from the file (labels, names, ids, paths, schema
 * messages that may quote a value) goes through `shown`, so control characters and bidi
 * overrides are printed as `\u001b` and cannot rewrite a terminal line or reorder the text.
 */
export function describeBundleError(error: BundleError): string {
  switch (error.kind) {
    case 'tooLarge':
      return `ファイルが大きすぎます（${megabytes(error.size)}）。読み込めるのは ${megabytes(error.limit)} までです。`;
    case 'empty':
      return 'ファイルが空です。';
    case 'foreignFile':
      return `このファイルは Sonae のファイルではなく、${foreignFileNames[error.looksLike]}のようです。`;
    case 'notUtf8':
      return '文字コードが UTF-8 ではないため読めません。Sonae が書き出したファイルをそのまま指定してください。';
    case 'notJson':
      return 'Sonae のファイル（JSON形式）として読めません。';
    case 'truncated':
      return 'ファイルが途中で切れています。コピーが最後まで終わっていない可能性があります。';
    case 'tooDeep':
      return `ファイルの入れ子が深すぎます（${error.limit}段まで）。Sonae が書き出したファイルではないか、壊れています。`;
    case 'forbiddenKey':
      return `ファイルに使用できない項目名「${shown(error.key)}」が含まれています${at(error.path)}。`;
    case 'duplicateKey':
      return `同じ項目名「${shown(error.key)}」が重複しています。改ざんされた可能性があります。`;
    case 'unsafeNumber':
      return `扱えない数値（小数または大きすぎる数）が含まれています${at(error.path)}。`;
    case 'invalidText':
      return `文字化けした文字（不正な Unicode）が含まれています${at(error.path)}。`;
    case 'notSonaeBundle':
      return 'Sonae のデータファイルではありません。';
    case 'tooNew':
      return `このファイルは新しい版の Sonae で作られています（形式バージョン ${error.formatVersion}）。Sonae を更新してから読み込んでください。`;
    case 'unsupportedFormatVersion':
      return 'ファイルの形式バージョンが正しくありません。';
    case 'missingSignature':
      return '署名がありません。Sonae で書き出した署名付きのファイルを指定してください。';
    case 'malformedSignature':
      return `署名の形式が正しくありません（${shown(error.detail)}）。`;
    case 'unknownField':
      return `Sonae が知らない項目（${error.keys.map(shown).join('、')}）が含まれています${at(error.path)}。`;
    case 'invalidEnvelope':
      return `ファイルの内容が正しくありません${at(error.path)}: ${shown(error.message)}`;
    case 'invalidRecord':
      return `${error.index + 1}件目の${recordTypeLabels[error.type]}（ID ${shown(error.id)}）が正しくありません${at(error.path)}: ${shown(error.message)}`;
    case 'invalidRevision':
      return `${error.index + 1}件目の${recordTypeLabels[error.type]}（ID ${shown(error.id)}）は取り込めません: ${revisionProblemLabels[error.problem]}。`;
    case 'recordTooNew':
      return `${error.index + 1}件目の${recordTypeLabels[error.type]}（ID ${shown(error.id)}）は新しい版の Sonae で作られています（レコードの版 ${shown(error.version)}）。Sonae を更新してから読み込んでください。`;
    case 'duplicateRecord':
      return `同じ${recordTypeLabels[error.type]}（ID ${shown(error.id)}）が2回含まれています。`;
    case 'duplicateAttachment':
      return `同じ添付ファイル（ID ${shown(error.id)}）が2回含まれています。`;
    case 'attachmentMismatch':
      return `添付ファイル（ID ${shown(error.id)}）の${attachmentProblems[error.problem]}。ファイルが壊れているか改ざんされています。`;
    case 'untrustedKey':
      return `信頼していない鍵で署名されています（発行元「${shown(error.issuerLabel)}」、鍵の指紋 ${shown(error.fingerprint)}）。発行元に電話で鍵の指紋を読み上げてもらい、一致を確かめてから鍵を登録してください。`;
    case 'badSignature':
      return '署名が一致しません。ファイルが改ざんされたか、別の鍵で署名されています。';
    case 'roleNotAllowed':
      return `${error.index + 1}件目の${recordTypeLabels[error.type]}（ID ${shown(error.id)}）は取り込めません。${signerRoleLabels[error.role]}の鍵で署名されたファイルから受け取れるのは${allowedRecordTypes(
        error.role,
      )
        .map((type) => recordTypeLabels[type])
        .join('・')}だけです。`;
    // --- Attachment references vs the bytes carried (issue 12, item 12) ---
    case 'attachmentRefMismatch':
      return `${error.index + 1}件目の${recordTypeLabels[error.type]}（ID ${shown(error.id)}）の添付ファイル（ID ${shown(error.attachmentId)}）は、${attachmentRefProblems[error.problem]}。ファイルが壊れているか改ざんされています。`;
    // --- Replays and stored attachment bytes (issue 12, items 3, 4 and 12) ---
    case 'alreadyImported':
      return `このファイルは ${formatDateTimeShort(error.importedAt)} に「${shown(error.fileName)}」として取り込み済みです。もう一度取り込んでも変更はありません（変更なし）。`;
    case 'attachmentChanged':
      return `添付ファイル（ID ${shown(error.attachmentId)}）は、この端末に保存済みの同じ ID のファイルと内容が違います。保存済みのファイルを別の内容で置き換えることはできません。ファイルが改ざんされている可能性があります。`;
  }
}
