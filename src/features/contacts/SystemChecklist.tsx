import { useId } from 'react';
import { Link } from 'react-router';
import { contactFieldLabels } from '../../domain/contact.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';

/**
 * 担当するシステム as checkboxes. A chosen system that was deleted meanwhile stays listed as
 * 「（削除されたシステム）」, checked, so the person sees it and can untick it.
 */
export function SystemChecklist({
  systems,
  selected,
  onChange,
  error,
}: {
  systems: readonly RecordOf<'system'>[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  error: string | undefined;
}) {
  const errorId = useId();
  const live = new Set(systems.map((s) => s.id));
  const sorted = [...systems].sort((a, b) => a.name.localeCompare(b.name, 'ja'));
  const missing = selected.filter((systemId) => !live.has(systemId));
  const toggle = (systemId: string) =>
    onChange(
      selected.includes(systemId)
        ? selected.filter((s) => s !== systemId)
        : [...selected, systemId],
    );
  return (
    <fieldset
      className={`system-checklist${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{contactFieldLabels.systemIds}</legend>
      {sorted.length === 0 && missing.length === 0 ? (
        <p className="hint">
          システムがまだ登録されていません。<Link to="/systems/new">システムを登録</Link>
          してから選べます。
        </p>
      ) : null}
      <div className="checkbox-grid">
        {sorted.map((system) => (
          <label key={system.id}>
            <input
              type="checkbox"
              checked={selected.includes(system.id)}
              onChange={() => toggle(system.id)}
            />
            {system.name}
          </label>
        ))}
        {missing.map((systemId) => (
          <label key={systemId} className="missing">
            <input type="checkbox" checked onChange={() => toggle(systemId)} />
            （削除されたシステム）
          </label>
        ))}
      </div>
      {error ? (
        <p className="error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
