import type { ImportProgress } from '../../db/importProgress.ts';

const count = (n: number) => n.toLocaleString('ja-JP');

/** The line under the bar: what is happening now and, when known, how far it has got. */
export function describeImportProgress(progress: ImportProgress | null): string {
  if (!progress || (progress.step === 'checking' && progress.total === 0))
    return 'ファイルを確認しています…';
  const { step, done, total } = progress;
  switch (step) {
    case 'checking':
      if (done >= total) return `ファイルを確認しました（記録 ${count(total)}件）。`;
      return done > 0
        ? `ファイルを確認しています: ${count(done)} / ${count(total)}件`
        : `ファイルを確認しています（記録 ${count(total)}件）…`;
    case 'comparing':
      return `この PC の記録と照らし合わせています（${count(total)}件）…`;
    case 'writing':
      return `取り込んでいます: ${count(done)} / ${count(total)}件`;
  }
}

/**
 * A progress bar with a count for a long import (50,000 records take many seconds): the records
 * checked so far while the file is checked, a moving bar while the envelope and signature are
 * read and while the file is compared, the records written so far while it is written.
 */
export function ImportPreviewProgress({ progress }: { progress: ImportProgress | null }) {
  const counting =
    progress !== null &&
    progress.total > 0 &&
    (progress.step === 'writing' || (progress.step === 'checking' && progress.done > 0));
  return (
    <div className="import-progress">
      <progress
        aria-label="取り込みの進み具合"
        style={{ inlineSize: '100%', maxInlineSize: '32rem', blockSize: '1rem' }}
        {...(counting ? { value: progress.done, max: progress.total } : {})}
      />
      <p role="status">{describeImportProgress(progress)}</p>
    </div>
  );
}
