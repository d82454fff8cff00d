import { Link } from 'react-router';
import { useConflictVersions } from '../../db/conflicts.ts';
import type { RecordType } from '../../domain/recordTypes.ts';
import './exchange.css';

/** The link to a conflicted record's side-by-side view, e.g. in 「データ交換」. */
export function conflictPath(type: RecordType, id: string): string {
  return `/exchange?conflict=${type}:${id}`;
}

/**
 * 「競合あり」 beside a record's title when other PCs changed it at the same time; links to the
 * side-by-side view where a person resolves it. Renders nothing without a conflict.
 */
export function ConflictBadge({ type, id }: { type: RecordType; id: string }) {
  const versions = useConflictVersions(type, id);
  if (!versions) return null;
  return (
    <Link
      className="conflict-badge"
      to={conflictPath(type, id)}
      title="別の端末で同時に変更されました。クリックして内容を比べ、解決してください。"
    >
      競合あり（{versions}版）
    </Link>
  );
}
