import {
  procedureFieldLabels as labels,
  procedurePhaseLabels,
  procedurePhases,
  type ProcedureData,
} from '../domain/procedure.ts';
import { stepsOfPhase } from '../domain/procedureRules.ts';
import { formatJapaneseCalendarDate } from '../domain/japaneseDate.ts';
import { phaseHints } from '../features/procedures/phaseHints.ts';
import { PrintSection } from './PrintSection.tsx';

/** A box to tick by hand: a real character, so it survives copy-and-paste and text extraction. */
export function TickBox() {
  return (
    <span className="tick" aria-hidden="true">
      ☐
    </span>
  );
}

/**
 * A fallback procedure on paper: when to start it, then 初動 → 代替 → 復旧, each step with a box
 * to tick and the role that does it, then the paper forms to use and 後処理. Pure: the records
 * come in as props.
 */
export function ProcedurePrint({
  procedure,
  levelNames,
}: {
  procedure: Pick<
    ProcedureData,
    'title' | 'trigger' | 'levels' | 'steps' | 'paperForms' | 'afterRecovery'
  >;
  levelNames: ReadonlyMap<number, string>;
}) {
  const levelText = [...procedure.levels]
    .sort((a, b) => a - b)
    .map((level) => {
      const name = levelNames.get(level);
      return name ? `レベル${level}（${name}）` : `レベル${level}`;
    })
    .join('、');
  return (
    <PrintSection heading={`代替手順「${procedure.title}」`}>
      <div className="print-keep print-trigger">
        <h3>{labels.trigger}</h3>
        <p className="print-text">{procedure.trigger.trim() || '（未記入）'}</p>
        <p>
          {labels.levels}: {levelText || '（指定なし）'}
        </p>
      </div>
      {procedurePhases.map((phase) => {
        const steps = stepsOfPhase(procedure.steps, phase);
        return (
          <section key={phase} className={`print-phase print-phase-${phase}`}>
            <h3>
              {procedurePhaseLabels[phase]}
              <small>{phaseHints[phase]}</small>
            </h3>
            {steps.length === 0 ? (
              <p className="print-empty">この段階の手順はまだ書かれていません。</p>
            ) : (
              <ol className="print-steps">
                {steps.map((step, index) => (
                  <li key={step.id} className="print-step">
                    <TickBox />
                    <span className="print-step-no">{index + 1}</span>
                    <span className="print-step-role">{step.role || '—'}</span>
                    <span className="print-step-text">{step.text}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
      <div className="print-keep">
        <h3>{labels.paperForms}</h3>
        {procedure.paperForms.length === 0 ? (
          <p className="print-empty">紙の様式は登録されていません。</p>
        ) : (
          <ul className="print-forms">
            {procedure.paperForms.map((form, index) => (
              <li key={index}>
                <TickBox />
                {form}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="print-keep">
        <h3>{labels.afterRecovery}</h3>
        <p className="print-text">{procedure.afterRecovery.trim() || '（未記入）'}</p>
      </div>
    </PrintSection>
  );
}

/** 合意事項 on paper, newest first (the latest agreement is the one that holds). */
export function AgreementsPrint({ agreements }: { agreements: ProcedureData['agreements'] }) {
  const newestFirst = [...agreements].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <PrintSection heading={labels.agreements}>
      {newestFirst.length === 0 ? (
        <p className="print-empty">合意事項はまだ記録されていません。</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col" className="col-date">
                合意した日
              </th>
              <th scope="col" className="col-party">
                相手
              </th>
              <th scope="col">合意内容</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((agreement) => (
              <tr key={agreement.id}>
                <td>{formatJapaneseCalendarDate(agreement.date)}</td>
                <td>{agreement.parties}</td>
                <td className="print-text">{agreement.content}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PrintSection>
  );
}
