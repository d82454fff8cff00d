import { Banner } from './Banner.tsx';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import type { DraftState } from './useDraft.ts';

/**
 * Tells that unsaved input from an earlier visit came back, and offers to drop it; or that a
 * stored draft was damaged and left unused.
 */
export function DraftRestoredBanner<T>({ draft }: { draft: DraftState<T> }) {
  if (draft.hadDamagedDraft) {
    return <Banner kind="error">保存されていた下書きが壊れていたため、使いませんでした。</Banner>;
  }
  if (!draft.restoredAt) return null;
  return (
    <Banner kind="info">
      保存していない入力を復元しました（{formatDateTimeShort(draft.restoredAt)} の下書き）。{' '}
      <button type="button" className="link-button" onClick={() => void draft.discard()}>
        下書きを破棄する
      </button>
    </Banner>
  );
}
