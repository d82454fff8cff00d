import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useConflicts } from '../../db/conflicts.ts';
import { recordTypeLabels, recordTypes, type RecordType } from '../../domain/recordTypes.ts';
import { Banner } from '../common/Banner.tsx';
import { ConflictView } from './ConflictView.tsx';

function parseSelection(value: string | null): { type: RecordType; id: string } | null {
  const [type, id] = (value ?? '').split(':');
  return type && id && (recordTypes as readonly string[]).includes(type)
    ? { type: type as RecordType, id }
    : null;
}

/** 競合している記録: the list, and the side-by-side view of the one chosen (?conflict=type:id). */
export function ConflictsSection() {
  const conflicts = useConflicts();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [done, setDone] = useState<string | null>(null);
  const selected = parseSelection(params.get('conflict'));

  return (
    <section className="card" aria-labelledby="conflicts-heading" id="conflicts">
      <h2 id="conflicts-heading">競合している記録</h2>
      {done ? <Banner kind="success">{done}</Banner> : null}
      {!conflicts ? null : conflicts.length === 0 ? (
        <p>競合している記録はありません。</p>
      ) : (
        <ul className="conflict-list">
          {conflicts.map((c) => (
            <li key={`${c.type}:${c.id}`}>
              <button
                type="button"
                className="link-button"
                aria-current={selected?.id === c.id ? 'true' : undefined}
                onClick={() => {
                  setDone(null);
                  void navigate(`/exchange?conflict=${c.type}:${c.id}`);
                }}
              >
                {recordTypeLabels[c.type]}「{c.title}」（{c.versions}版）を比べる
              </button>
            </li>
          ))}
        </ul>
      )}
      {selected ? (
        <ConflictView
          key={`${selected.type}:${selected.id}`}
          type={selected.type}
          id={selected.id}
          onDone={(message) => {
            setDone(message);
            void navigate('/exchange');
          }}
        />
      ) : null}
    </section>
  );
}
