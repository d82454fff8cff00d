/**
 * A registry of edits not yet written to IndexedDB (e.g. a form's debounced draft autosave).
 * Anything that would leave the page on purpose (the 「更新する」 button) flushes them first,
 * so an update never throws away what someone typed.
 */
type Flush = () => Promise<void>;

// Entries, not bare functions, so one function registered twice stays two registrations.
const pending = new Set<{ flush: Flush }>();

/**
 * Registers a function that writes this form's pending edits (its draft) now.
 * Returns the unregister function: call it when the form unmounts or saves.
 */
export function registerUnsavedEdits(flush: Flush): () => void {
  const entry = { flush };
  pending.add(entry);
  return () => {
    pending.delete(entry);
  };
}

/**
 * Writes every registered form's pending edits. Rejects when any of them fails, after all
 * have been tried, so the caller can refuse to reload.
 */
export async function flushUnsavedEdits(): Promise<void> {
  const results = await Promise.allSettled([...pending].map((entry) => entry.flush()));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) throw new AggregateError(failures, 'unsaved edits could not be written');
}
