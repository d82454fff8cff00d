import { useMemo, useState } from 'react';
import { useLeaves, resolveConflict } from '../../db/conflicts.ts';
import { useImportHistory } from '../../db/exchangeHistory.ts';
import { useLiveRecords, useStation } from '../../db/hooks.ts';
import { describeStorageError } from '../../db/errors.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { recordTypeLabels, type RecordType } from '../../domain/recordTypes.ts';
import type { RecordFields } from '../../domain/recordVersion.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';
import {
  conflictFieldKeys,
  defaultChoices,
  isFieldDifferent,
  isMergeableList,
  mergeListField,
  resolveConflictData,
  type FieldChoice,
} from '../../domain/conflictResolution.ts';
import { Banner } from '../common/Banner.tsx';
import { fieldLabel, formatFieldValue } from './fieldLabels.ts';

/**
 * Side-by-side view of the competing versions of one record, field by field, differences
 * marked. List-like fields (経過, 連絡の記録, 試したこと, 添付, 手順, 電話番号 …) keep the items of
 * every version by default, so no one's work is dropped; for every other field that differs the
 * person picks the version to keep, with all values shown and the result in the last column.
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
  const [choices, setChoices] = useState<Record<string, FieldChoice>>({});
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const datas = useMemo(
    () => (leaves ?? []).map((leaf) => pickData(leaf) as RecordFields),
    [leaves],
  );
  const keys = useMemo(() => conflictFieldKeys(datas), [datas]);
  const defaults = useMemo(() => defaultChoices(type, datas), [type, datas]);
  const resolved = useMemo(
    () => resolveConflictData(type, datas, { ...defaults, ...choices }),
    [type, datas, defaults, choices],
  );
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
  const chosen = (key: string): FieldChoice => choices[key] ?? defaults[key] ?? 0;
  const choose = (key: string, choice: FieldChoice) => setChoices((c) => ({ ...c, [key]: choice }));

  async function resolve(deleted = false) {
    try {
      await resolveConflict(
        type,
        id,
        resolved,
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

  /** What merging a list field did, said plainly under its combined value. */
  const mergeNote = (key: string) => {
    const { variants, skipped } = mergeListField(type, key, datas);
    const notes = [];
    if (variants) notes.push(`同じ項目が版によって違うため、両方を残します（${variants}件）。`);
    if (skipped)
      notes.push(
        `同じ添付ファイルが版によって違うため、番号の小さい版のものを残します（${skipped}件）。`,
      );
    return notes.join('');
  };

  return (
    <section className="conflict-view" aria-labelledby="conflict-view-heading">
      <h3 id="conflict-view-heading">
        {recordTypeLabels[type]}の競合（{leaves.length}版）
      </h3>
      <p>
        同じ記録が別々の端末で同時に変更されました。どちらの変更も失われていません。
        一覧になっている項目（経過、連絡の記録、試したこと、添付、手順、電話番号など）は、すべての版の項目を合わせて残します。
        そのほかの違いのある項目（「≠」付き）は、残す版を項目ごとに選んでください。
        右端の「解決後の内容」で合わせた結果と選んだ版を確かめて、「この内容で解決する」を押してください。
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
              <th scope="col">解決後の内容</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const different = isFieldDifferent(datas, key);
              if (onlyDifferences && !different && key !== 'title' && key !== 'name') return null;
              const label = fieldLabel(type, key);
              const mergeable = different && isMergeableList(type, key);
              const note = mergeable && chosen(key) === 'union' ? mergeNote(key) : '';
              return (
                <tr key={key} className={different ? 'differs' : undefined}>
                  <th scope="row">{label}</th>
                  {datas.map((data, i) => (
                    <td key={leaves[i]!.rev}>
                      <div>{formatFieldValue(key, data[key], names)}</div>
                      {different ? (
                        <label className="choose-version">
                          <input
                            type="radio"
                            name={`field-${key}`}
                            checked={chosen(key) === i}
                            onChange={() => choose(key, i)}
                          />
                          版{i + 1}の「{label}」を残す
                        </label>
                      ) : null}
                    </td>
                  ))}
                  <td className="conflict-result">
                    {/* Only a combined list is new text; otherwise say which version is kept. */}
                    <div>
                      {!different
                        ? 'どの版も同じ'
                        : chosen(key) === 'union'
                          ? formatFieldValue(key, resolved[key], names)
                          : `版${Number(chosen(key)) + 1}の内容`}
                    </div>
                    {note ? <p className="hint">{note}</p> : null}
                    {mergeable ? (
                      <label className="choose-version">
                        <input
                          type="radio"
                          name={`field-${key}`}
                          checked={chosen(key) === 'union'}
                          onChange={() => choose(key, 'union')}
                        />
                        すべての版の「{label}」を合わせる
                      </label>
                    ) : null}
                  </td>
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
