import { useId, useState } from 'react';
import { periodProblem, type ReportPeriod } from '../../domain/reportPeriod.ts';
import { Banner } from '../common/Banner.tsx';
import { periodChoices, type PeriodChoice, type ReportParams } from './reportParams.ts';

/**
 * 期間 (今月, 先月, or dates typed in and applied with a button) and 部署. A typed period that
 * cannot be used is refused with a message and the figures stay as they were.
 */
export function ReportFilters({
  params,
  period,
  departments,
  hasDrills,
  onChange,
}: {
  params: ReportParams;
  /** The period shown now, the starting point of a custom one. */
  period: ReportPeriod;
  departments: readonly string[];
  hasDrills: boolean;
  onChange: (params: ReportParams) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState<PeriodChoice>(params.choice);
  const [from, setFrom] = useState(params.from || period.from);
  const [to, setTo] = useState(params.to || period.to);
  const [problem, setProblem] = useState<string | null>(null);
  const options = params.department && !departments.includes(params.department)
    ? [params.department, ...departments]
    : departments;

  function choose(value: PeriodChoice) {
    setChoice(value);
    setProblem(null);
    if (value !== 'custom') onChange({ ...params, choice: value, from: '', to: '' });
  }

  function applyCustom(event: React.FormEvent) {
    event.preventDefault();
    const reason = periodProblem(from, to);
    setProblem(reason);
    if (!reason) onChange({ ...params, choice: 'custom', from, to });
  }

  return (
    <form className="report-filters card" aria-label="集計の条件" onSubmit={applyCustom}>
      <label htmlFor={`${id}-period`}>期間</label>
      <select
        id={`${id}-period`}
        value={choice}
        onChange={(e) => choose(e.target.value as PeriodChoice)}
      >
        {Object.entries(periodChoices).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {choice === 'custom' ? (
        <>
          <label htmlFor={`${id}-from`}>開始日</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor={`${id}-to`}>終了日</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          <button type="submit">この期間で集計</button>
        </>
      ) : null}
      <label htmlFor={`${id}-dept`}>部署</label>
      <select
        id={`${id}-dept`}
        value={params.department}
        onChange={(e) => onChange({ ...params, department: e.target.value })}
      >
        <option value="">すべての部署</option>
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      {hasDrills ? (
        <label className="report-filter-check">
          <input
            type="checkbox"
            checked={params.includeDrills}
            onChange={(e) => onChange({ ...params, includeDrills: e.target.checked })}
          />
          訓練の障害も含める
        </label>
      ) : null}
      {problem ? <Banner kind="error">{problem}</Banner> : null}
    </form>
  );
}
