import { useId, useMemo, useState } from 'react';
import { useLiveRecords } from '../../db/hooks.ts';
import { saveRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import type { IncidentRecord } from '../../domain/incident.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { Banner } from '../common/Banner.tsx';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';

/**
 * Triage on the IT section's station (issue 12, item 9): an incident recorded at a department
 * names a system this PC does not know (a department's own id, or one deleted since). The IT
 * section links it to a registered system; `systemName` and everything else the department
 * wrote stay as they are, so the link is one new revision that every PC can merge.
 */
export function IncidentSystemLink({
  incident,
  onLinked,
}: {
  incident: IncidentRecord;
  onLinked: (message: string) => void;
}) {
  const canEdit = useCanEditMasterData();
  const systems = useLiveRecords('system');
  const selectId = useId();
  const sorted = useMemo(
    () => [...(systems ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ja')),
    [systems],
  );
  // Offer the system of the same name first: usually what the department meant.
  const suggested = sorted.find((s) => s.name === incident.systemName?.trim())?.id ?? '';
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!canEdit || !systems || systems.some((s) => s.id === incident.systemId)) return null;
  const systemId = chosen ?? suggested;

  async function link() {
    const system = sorted.find((s) => s.id === systemId);
    if (!system) {
      setError('結び付けるシステムを選んでください。');
      return;
    }
    setSaving(true);
    try {
      await saveRecord(
        'incident',
        { ...pickData(incident), systemId: system.id },
        { id: incident.id, baseRev: incident.rev },
      );
      onLinked(
        `システム「${system.name}」に結び付けました。記録された内容はそのまま残しています。`,
      );
    } catch (e) {
      setError(describeStorageError(e));
      setSaving(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${selectId}-heading`}>
      <h2 id={`${selectId}-heading`}>システムの結び付け</h2>
      <p>
        {incident.systemName
          ? `この記録のシステム「${incident.systemName}」は、この端末に登録されていません。`
          : 'この記録のシステムは、この端末に登録されていません。'}
        登録済みのシステムに結び付けると、そのシステムの障害として一覧や集計に入ります。記録した部署が書いた内容は変わりません。
      </p>
      {error ? <Banner kind="error">{error}</Banner> : null}
      {sorted.length === 0 ? (
        <p>結び付けられるシステムがありません。先に「システム」で登録してください。</p>
      ) : (
        <div className="actions">
          <label htmlFor={selectId}>登録済みのシステムに結び付ける</label>
          <select
            id={selectId}
            value={systemId}
            onChange={(e) => {
              setChosen(e.target.value);
              setError(null);
            }}
          >
            <option value="">選んでください</option>
            {sorted.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={saving} onClick={() => void link()}>
            結び付ける
          </button>
        </div>
      )}
    </section>
  );
}
