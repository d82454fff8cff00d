import { formatDateJa } from '../../domain/dateFormat.ts';
import type { ProcedureData } from '../../domain/procedure.ts';

/**
 * 合意事項 as they are read in an emergency: who agreed, when, and what, in plain large-ish type,
 * newest first (the latest agreement is the one that holds).
 */
export function AgreementList({ agreements }: { agreements: ProcedureData['agreements'] }) {
  if (agreements.length === 0) return <p className="hint">合意事項はまだ記録されていません。</p>;
  const newestFirst = [...agreements].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <ul className="agreement-list">
      {newestFirst.map((agreement) => (
        <li key={agreement.id} className="agreement">
          <p className="agreement-head">
            <strong>{agreement.parties}</strong>と合意（
            <time dateTime={agreement.date}>{formatDateJa(agreement.date)}</time>）
          </p>
          <p className="agreement-content">{agreement.content}</p>
        </li>
      ))}
    </ul>
  );
}
