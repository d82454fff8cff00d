import { useEffect, useRef, type ReactNode } from 'react';
import { Banner } from './Banner.tsx';
import { DraftRestoredBanner } from './DraftRestoredBanner.tsx';
import type { EditorValues, ReadyRecordEditor } from './useRecordEditor.ts';
import type { RecordType } from '../../domain/recordTypes.ts';

/**
 * Keeps `--sticky-actions-height` on <html> equal to the bar's height (it grows when the buttons
 * wrap on a narrow or zoomed window); app.css turns it into scroll-padding so a focused field
 * is never hidden under the bar (WCAG 2.4.11).
 */
function useStickyBarHeight() {
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const bar = barRef.current;
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--sticky-actions-height', `${bar.offsetHeight}px`),
    );
    observer.observe(bar);
    // Chromium does not scroll a field that Tab reaches while it is partly visible, even with
    // scroll-padding, so a field half under the bar stays hidden: lift it above the bar by hand.
    const onFocus = (event: FocusEvent) => {
      const target = event.target as HTMLElement | null;
      if (!target || bar.contains(target) || typeof target.getBoundingClientRect !== 'function')
        return;
      const hiddenBy = target.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
      if (hiddenBy > 0) window.scrollBy({ top: hiddenBy + 8 });
    };
    document.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocus);
      root.style.removeProperty('--sticky-actions-height');
    };
  }, []);
  return barRef;
}

/**
 * The frame of a record form: draft and failure banners, the form, and the save/cancel bar that
 * stays at the bottom of the window.
 */
export function EditorForm<T extends RecordType, V extends EditorValues>({
  editor,
  cancelLabel = 'キャンセル',
  className,
  children,
}: {
  editor: ReadyRecordEditor<T, V>;
  cancelLabel?: string;
  /** Added to the form's `form` class. */
  className?: string;
  children: ReactNode;
}) {
  const barRef = useStickyBarHeight();
  return (
    <>
      <DraftRestoredBanner draft={editor.draft} />
      {editor.failure ? <Banner kind="error">{editor.failure}</Banner> : null}
      <form
        onSubmit={editor.submit}
        noValidate
        className={className ? `form ${className}` : 'form'}
      >
        {children}
        <div className="actions sticky-actions" ref={barRef}>
          <button type="submit" className="primary" disabled={editor.isSaving}>
            {editor.isSaving ? '保存中…' : '保存する'}
          </button>
          <button type="button" onClick={editor.cancel}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </>
  );
}
