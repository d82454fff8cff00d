import type { z } from '../domain/zodLocale.ts';

/** The record was changed elsewhere (another tab, or an import) after the form loaded it. */
export class StaleRecordError extends Error {
  override name = 'StaleRecordError';
}

/** No station is set up yet, so nobody can be named as the author of a write. */
export class StationMissingError extends Error {
  override name = 'StationMissingError';
}

/** Data refused by its schema; `issues` carry the field paths and Japanese messages. */
export class RecordValidationError extends Error {
  override name = 'RecordValidationError';
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(issues.map((i) => i.message).join(' / '));
  }
}

/** Turns any failure of a write into a sentence a clerk can act on. */
export function describeStorageError(error: unknown): string {
  // DOMException is not an Error subclass everywhere, so read the name off any object.
  const name =
    typeof (error as { name?: unknown } | null)?.name === 'string'
      ? (error as { name: string }).name
      : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (error instanceof StaleRecordError)
    return 'この記録は別の画面で更新されています。入力内容は残してあります。画面を開き直して最新の内容を確認してください。';
  if (error instanceof StationMissingError)
    return '端末の設定がまだです。「設定」で自治体名・部署・端末名を登録してください。';
  if (error instanceof RecordValidationError) return `入力内容を確認してください: ${error.message}`;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
    return 'ブラウザの保存領域が不足しているため保存できませんでした。入力内容は画面に残っています。不要な添付ファイルを削除するか、データを書き出してから情報システム担当に相談してください。';
  if (
    ['VersionError', 'DatabaseClosedError', 'InvalidStateError', 'UpgradeError'].includes(name) ||
    ['VersionError', 'InvalidStateError'].includes(inner)
  )
    return '別のタブで新しい版の備えが開かれたため保存できませんでした。入力内容は画面に残っています。ほかのタブを閉じてから、この画面で再度保存してください。';
  if (name === 'OpenFailedError' || name === 'MissingAPIError')
    return 'ブラウザのデータベースを開けませんでした。プライベートブラウズでは使えません。通常のウィンドウで開き直してください。';
  return `保存できませんでした（${name || '不明なエラー'}）。入力内容は画面に残っています。もう一度保存してください。`;
}
