import { useId, type ReactNode } from 'react';

export interface ChecklistOption<K> {
  key: K;
  label: string;
  /** A reference that cannot be followed (deleted, not on this PC): marked and flagged invalid. */
  isBroken?: boolean;
}

/**
 * A group of check boxes with one legend, hint and error, for lists of references (対象システム,
 * 対象レベル). A broken reference stays listed, ticked and marked, so the person sees what to
 * untick; it carries aria-invalid so the form's focus lands on it.
 */
export function ChecklistField<K extends string | number>({
  legend,
  hint,
  options,
  selected,
  onChange,
  error,
  empty,
}: {
  legend: string;
  hint?: ReactNode;
  options: readonly ChecklistOption<K>[];
  selected: readonly K[];
  onChange: (next: K[]) => void;
  error?: string | undefined;
  /** Said when there is nothing to choose from. */
  empty: ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const hasBroken = options.some((o) => o.isBroken);
  const toggle = (key: K, checked: boolean) =>
    onChange(checked ? [...selected, key] : selected.filter((k) => k !== key));
  return (
    <fieldset className={`checklist${error ? ' field-invalid' : ''}`}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.length === 0 ? <p className="hint">{empty}</p> : null}
      <ul className="checklist-options">
        {options.map((option, index) => (
          <li key={option.key} className={option.isBroken ? 'checklist-broken' : undefined}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(option.key)}
                onChange={(event) => toggle(option.key, event.target.checked)}
                aria-invalid={
                  error && (hasBroken ? option.isBroken : index === 0) ? true : undefined
                }
                aria-describedby={describedBy || undefined}
              />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
