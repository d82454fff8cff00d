import { useMemo, useState } from 'react';
import { useLeaves, resolveConflict } from '../../db/conflicts.ts';
import { useImportHistory } from '../../db/exchangeHistory.ts';
import { useLiveRecords, useStation } from '../../db/hooks.ts';
import { describeStorageError } from '../../db/errors.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { recordTypeLabels, type RecordType } from '../../domain/recordTypes.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import { Banner } from '../common/Banner.tsx';
import { fieldLabel, formatFieldValue } from './fieldLabels.ts';

/**
 * Side-by-side view of the competing versions of one record, field by field, differences
 * marked. The person picks, per field, which version to keep (or takes one version whole);
 * 「この内容で解決する」 writes a revision that supersedes every version, on every PC it reaches.
 */
export function ConflictView({
  type,
  id,
  onDone,
}: {
  type: RecordType;
  id: string;
  onDone: (message: string) => void;
}) {
  const leaves = useLeaves(type, id);
  const station = useStation();
  const history = useImportHistory(500);
  const systems = useLiveRecords('system');
  const procedures = useLiveRecords('procedure');
  const [choices, setChoices] = useState<Record<string, number>>({});
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const datas = useMemo(
    () => (leaves ?? []).map((leaf) => pickData(leaf) as Record<string, unknown>),
    [leaves],
  );
  const keys = useMemo(() => [...new Set(datas.flatMap((d) => Object.keys(d)))], [datas]);
  const names = useMemo(
    () =>
      new Map([
        ...(systems ?? []).map((s) => [s.id, s.name] as const),
        ...(procedures ?? []).map((p) => [p.id, p.title] as const),
      ]),
    [systems, procedures],
  );
  if (!leaves) return <p role="status">読み込み中…</p>;
  if (leaves.length < 2)
    return (
      <p>
        この記録に競合はありません（ほかの画面ですでに解決されたか、取り込みで解消されました）。
      </p>
    );

  const who = (stationId: string) => {
    if (station && stationId === station.id) return 'この端末';
    return history?.find((row) => row.issuer === stationId)?.issuerLabel ?? '別の端末';
  };
  const differs = (key: string) =>
    new Set(datas.map((d) => JSON.stringify(d[key] ?? null))).size > 1;
  const chosen = (key: string) => choices[key] ?? 0;

  async function resolve(deleted = false) {
    const data = Object.fromEntries(
      keys.map((key) => [key, datas[chosen(key)]![key]]).filter(([, v]) => v !== undefined),
    );
    try {
      await resolveConflict(
        type,
        id,
        data,
        leaves!.map((leaf) => leaf.rev),
        { deleted },
      );
      onDone(
        `${recordTypeLabels[type]}の競合を解決しました。ほかの端末にも書き出して届けてください。`,
      );
    } catch (e) {
      setError(describeStorageError(e));
    }
  }

  return (
    <section className="conflict-view" aria-labelledby="conflict-view-heading">
      <h3 id="conflict-view-heading">
        {recordTypeLabels[type]}の競合（{leaves.length}版）
      </h3>
      <p>
        同じ記録が別々の端末で同時に変更されました。どちらの変更も失われていません。項目ごとに残す内容を選び、「この内容で解決する」を押してください。
        違いのある項目には「≠」が付いています。
      </p>
      {error ? <Banner kind="error">{error}</Banner> : null}
      <label>
        <input
          type="checkbox"
          checked={onlyDifferences}
          onChange={(e) => setOnlyDifferences(e.target.checked)}
        />
        違いのある項目だけ表示する
      </label>
      <div className="table-scroll">
        <table className="table conflict-compare">
          <thead>
            <tr>
              <th scope="col">項目</th>
              {leaves.map((leaf, i) => (
                <th scope="col" key={leaf.rev}>
                  版{i + 1}
                  {i === 0 ? '（いま表示中）' : ''}
                  {leaf.deleted ? '（削除された版）' : ''}
                  <br />
                  <small>
                    {formatDateTimeShort(leaf.updatedAt)} {who(leaf.updatedBy)}
                  </small>
                  <br />
                  <button
                    type="button"
                    className="small"
                    onClick={() => setChoices(Object.fromEntries(keys.map((k) => [k, i])))}
                  >
                    版{i + 1}をすべて選ぶ
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const different = differs(key);
              if (onlyDifferences && !different && key !== 'title' && key !== 'name') return null;
              return (
                <tr key={key} className={different ? 'differs' : undefined}>
                  <th scope="row">{fieldLabel(type, key)}</th>
                  {datas.map((data, i) => (
                    <td key={leaves[i]!.rev}>
                      <div>{formatFieldValue(key, data[key], names)}</div>
                      {different ? (
                        <label className="choose-version">
                          <input
                            type="radio"
                            name={`field-${key}`}
                            checked={chosen(key) === i}
                            onChange={() => setChoices((c) => ({ ...c, [key]: i }))}
                          />
                          版{i + 1}の「{fieldLabel(type, key)}」を残す
                        </label>
                      ) : null}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void resolve()}>
          この内容で解決する
        </button>
        {leaves.some((leaf) => leaf.deleted) ? (
          <button type="button" className="danger" onClick={() => void resolve(true)}>
            削除を採用する（記録を削除済みにする）
          </button>
        ) : null}
      </div>
    </section>
  );
}
