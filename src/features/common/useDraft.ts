import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteDraft, loadDraft, saveDraft } from '../../db/drafts.ts';
import { registerUnsavedEdits } from '../../app/unsavedEdits.ts';

/** How long typing may pause before the draft is written (short: a crash loses at most this). */
const AUTOSAVE_DELAY_MS = 300;

export interface DraftState<T> {
  /** undefined while the draft (or the record it starts from) is loading. */
  value: T | undefined;
  setValue: (update: (previous: T) => T) => void;
  /** When a draft from an earlier visit was restored, its time; otherwise null. */
  restoredAt: string | null;
  /** True when a stored draft failed `isValid` (or could not be read) and was deleted unused. */
  hadDamagedDraft: boolean;
  /** Forgets the draft and goes back to `initial`. */
  discard: () => Promise<void>;
  /** Writes any pending change now (before an update reload, for instance). */
  flush: () => Promise<void>;
}

export interface DraftOptions<T> {
  /**
   * Checks a draft read back from storage, which may come from an older version of the app or
   * be damaged. A draft that fails is deleted and `initial` is used instead; without a check,
   * every stored draft is trusted as a T.
   */
  isValid?: (value: unknown) => value is T;
}

/**
 * Form state that survives reloads and crashes: every change is written to the drafts table
 * shortly after typing stops, on tab hide and on unmount. `initial` may arrive later (a record
 * still loading); the draft wins over it when one exists and passes `options.isValid`.
 */
export function useDraft<T>(
  key: string,
  initial: T | undefined,
  options: DraftOptions<T> = {},
): DraftState<T> {
  const [value, setValueState] = useState<T | undefined>(undefined);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [hadDamagedDraft, setHadDamagedDraft] = useState(false);
  const pending = useRef<T | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const toSave = pending.current;
    pending.current = undefined;
    if (toSave !== undefined) await saveDraft(key, toSave);
  }, [key]);

  // The record a form starts from may be re-read (a live query) while the form is open; only
  // its first arrival matters, so later identities of `initial` never reset what is typed.
  const initialRef = useRef(initial);
  const isValidRef = useRef(options.isValid);
  useEffect(() => {
    initialRef.current = initial;
    isValidRef.current = options.isValid;
  });
  const isInitialReady = initial !== undefined;
  useEffect(() => {
    if (!isInitialReady) return;
    let cancelled = false;
    const setAside = () => {
      setValueState(initialRef.current);
      setHadDamagedDraft(true);
      // Deleted rather than kept: nothing could show it, and it would come back on every visit.
      void deleteDraft(key).catch(() => undefined);
    };
    loadDraft(key).then(
      (draft) => {
        if (cancelled) return;
        if (!draft) {
          setValueState(initialRef.current);
        } else if (
          typeof draft.savedAt === 'string' &&
          (isValidRef.current?.(draft.value) ?? true)
        ) {
          setValueState(draft.value as T);
          setRestoredAt(draft.savedAt);
        } else {
          setAside();
        }
      },
      // A row the browser cannot read back (a Blob it lost, say) must not keep the form loading.
      () => {
        if (!cancelled) setAside();
      },
    );
    return () => {
      cancelled = true;
    };
  }, [key, isInitialReady]);

  const setValue = useCallback(
    (update: (previous: T) => T) => {
      setValueState((previous) => {
        if (previous === undefined) return previous;
        const next = update(previous);
        pending.current = next;
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
        return next;
      });
    },
    [flush],
  );

  useEffect(() => {
    // An app update reloads the page: it flushes every registered form first.
    const unregister = registerUnsavedEdits(flush);
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      unregister();
      void flush();
    };
  }, [flush]);

  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = undefined;
    await deleteDraft(key);
    setRestoredAt(null);
    setHadDamagedDraft(false);
    if (initialRef.current !== undefined) setValueState(initialRef.current);
  }, [key]);

  return { value, setValue, restoredAt, hadDamagedDraft, discard, flush };
}
