import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { addMonths, isMonthKey, tokyoMonthOf } from '../../domain/reportPeriod.ts';
import { monthlyReportPath } from '../../print/monthlyReportContent.ts';
import { Banner } from '../common/Banner.tsx';

/** 月次報告を印刷: the month shown (先月 by default for a typed period) on A4 paper. */
export function MonthlyReportButton({
  defaultMonth,
  department,
  now,
}: {
  /** The month on screen; null for a typed period (then last month). */
  defaultMonth: string | null;
  department: string;
  now: Date;
}) {
  const id = useId();
  const navigate = useNavigate();
  const [month, setMonth] = useState(defaultMonth ?? addMonths(tokyoMonthOf(now)!, -1));
  const [problem, setProblem] = useState<string | null>(null);

  function print(event: React.FormEvent) {
    event.preventDefault();
    if (!isMonthKey(month)) return setProblem('印刷する月を「2026-11」の形で選んでください。');
    navigate(monthlyReportPath(month, department));
  }

  return (
    <form className="report-print" onSubmit={print}>
      <label htmlFor={`${id}-month`}>月次報告の月</label>
      <input
        id={`${id}-month`}
        type="month"
        value={month}
        onChange={(e) => {
          setMonth(e.target.value);
          setProblem(null);
        }}
      />
      <button type="submit" className="primary">
        月次報告を印刷
      </button>
      {problem ? <Banner kind="error">{problem}</Banner> : null}
    </form>
  );
}
