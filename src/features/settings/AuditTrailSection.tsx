import { Link } from 'react-router';
import { useAuditPage } from '../../db/auditQueries.ts';
import { emptyAuditFilter } from '../../domain/auditFilter.ts';
import { AuditTable } from '../audit/AuditTable.tsx';

/** 操作履歴: the newest few entries, and the way to the whole searchable trail (#/audit). */
export function AuditTrailSection() {
  const page = useAuditPage(emptyAuditFilter, undefined, 10);
  return (
    <section aria-labelledby="audit-heading" className="card">
      <h2 id="audit-heading">操作履歴（最新10件）</h2>
      <p>
        <Link to="/audit">すべての操作履歴を見る・絞り込む・CSVで書き出す</Link>
      </p>
      {!page ? null : page.entries.length === 0 ? (
        <p>まだ操作履歴はありません。</p>
      ) : (
        <AuditTable entries={page.entries} openable={page.openable} />
      )}
    </section>
  );
}
