import type { ReportMemo, ReportMemoFact, ReportMemoFactKey } from '../../domain/reportMemo.ts';

function FactLines({ fact }: { fact: ReportMemoFact }) {
  if (fact.lines.length === 1 && !fact.lines[0]!.label) {
    const only = fact.lines[0]!;
    return <p className={only.isMissing ? 'memo-missing' : 'memo-value'}>{only.value}</p>;
  }
  return (
    <ul className="memo-lines">
      {fact.lines.map((l, index) => (
        <li key={index}>
          {l.label ? <span className="memo-line-label">{l.label}: </span> : null}
          <span className={l.isMissing ? 'memo-missing' : 'memo-value'}>{l.value}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The six facts of a 報告メモ, numbered in the seed's order. On screen each has a 「伝えた」 tick
 * (`onToggle`); on paper (no `onToggle`) a box to tick by pen.
 */
export function ReportMemoFacts({
  memo,
  said,
  onToggle,
}: {
  memo: ReportMemo;
  said?: ReadonlySet<ReportMemoFactKey>;
  onToggle?: (key: ReportMemoFactKey) => void;
}) {
  return (
    <ol className="memo-facts" aria-label="報告する内容（この順番で）">
      {memo.facts.map((fact, index) => (
        <li key={fact.key} className={fact.isMissing ? 'memo-fact is-missing' : 'memo-fact'}>
          <div className="memo-fact-head">
            <h2 className="memo-fact-label">
              <span className="memo-fact-number">{index + 1}.</span> {fact.label}
            </h2>
            {onToggle ? (
              <label className="memo-said">
                <input
                  type="checkbox"
                  checked={said?.has(fact.key) ?? false}
                  onChange={() => onToggle(fact.key)}
                />
                {fact.label}を伝えた
              </label>
            ) : (
              <span className="memo-said-box" aria-hidden="true">
                □ 伝えた
              </span>
            )}
          </div>
          <FactLines fact={fact} />
        </li>
      ))}
    </ol>
  );
}
