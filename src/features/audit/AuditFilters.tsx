import { auditActionLabels, auditActions } from '../../domain/audit.ts';
import type { AuditFilter } from '../../domain/auditFilter.ts';
import { recordTypeLabels, recordTypes } from '../../domain/recordTypes.ts';

interface Props {
  filter: AuditFilter;
  onChange: (patch: Partial<AuditFilter>) => void;
}

/** A labelled choice of one of `values` (named by `labels`), or すべて. */
function ChoiceFilter<V extends string>({
  label,
  value,
  values,
  labels,
  onChange,
}: {
  label: string;
  value: V | '';
  values: readonly V[];
  labels: Record<V, string>;
  onChange: (value: V | '') => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as V | '')}>
        <option value="">すべて</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {labels[v]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled search box for words; it keeps every key typed (the page owns its text). */
function WordsFilter(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="filter-text">
      {props.label}
      <input
        type="search"
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** The filter bar of 操作履歴; every control has a visible label. */
export function AuditFilters({ filter, onChange }: Props) {
  return (
    <form
      className="filters audit-filters"
      role="search"
      aria-label="操作履歴の絞り込み"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        期間（から）
        <input
          type="date"
          value={filter.from}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </label>
      <label>
        期間（まで）
        <input type="date" value={filter.to} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
      <ChoiceFilter
        label="操作の種類"
        value={filter.action}
        values={auditActions}
        labels={auditActionLabels}
        onChange={(action) => onChange({ action })}
      />
      <ChoiceFilter
        label="記録の種類"
        value={filter.recordType}
        values={recordTypes}
        labels={recordTypeLabels}
        onChange={(recordType) => onChange({ recordType })}
      />
      <WordsFilter
        label="キーワード"
        placeholder="記録の名前・ファイル名・記録ID など"
        value={filter.text}
        onChange={(text) => onChange({ text })}
      />
      <WordsFilter
        label="担当者・端末・署名者"
        placeholder="担当者名・端末名・署名した鍵の名前"
        value={filter.who}
        onChange={(who) => onChange({ who })}
      />
    </form>
  );
}
