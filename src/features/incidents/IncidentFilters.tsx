import type { RecordOf } from '../../domain/recordSchemas.ts';
import { incidentStatuses, incidentStatusLabels } from '../../domain/incidentStatus.ts';
import { incidentSorts, type IncidentFilter } from '../../domain/incidentFilter.ts';

interface Props {
  filter: IncidentFilter;
  onChange: (patch: Partial<IncidentFilter>) => void;
  systems: RecordOf<'system'>[];
  levels: RecordOf<'incidentLevel'>[];
}

/** The filter bar of the incident log; every control has a visible label. */
export function IncidentFilters({ filter, onChange, systems, levels }: Props) {
  return (
    <form
      className="filters"
      role="search"
      aria-label="障害記録の絞り込み"
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="filter-text">
        キーワード
        <input
          type="search"
          value={filter.text}
          placeholder="件名・エラーコード・症状など"
          onChange={(e) => onChange({ text: e.target.value })}
        />
      </label>
      <label>
        状態
        <select
          value={filter.status}
          onChange={(e) => onChange({ status: e.target.value as IncidentFilter['status'] })}
        >
          <option value="">すべて</option>
          <option value="open">未解決（解決・完了以外）</option>
          {incidentStatuses.map((s) => (
            <option key={s} value={s}>
              {incidentStatusLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        システム
        <select value={filter.systemId} onChange={(e) => onChange({ systemId: e.target.value })}>
          <option value="">すべて</option>
          {systems.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        レベル
        <select value={filter.level} onChange={(e) => onChange({ level: e.target.value })}>
          <option value="">すべて</option>
          {levels.map((l) => (
            <option key={l.id} value={String(l.level)}>
              レベル{l.level} {l.name}
            </option>
          ))}
          <option value="none">未設定</option>
        </select>
      </label>
      <label>
        発生日（から）
        <input
          type="date"
          value={filter.from}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </label>
      <label>
        発生日（まで）
        <input type="date" value={filter.to} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={filter.manual === 'pending'}
          onChange={(e) => onChange({ manual: e.target.checked ? 'pending' : '' })}
        />
        手順書の更新待ち
      </label>
      <label>
        並び順
        <select
          value={filter.sort}
          onChange={(e) => onChange({ sort: e.target.value as IncidentFilter['sort'] })}
        >
          {Object.entries(incidentSorts).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
