import type { AuditAuthor, AuditRecordChange } from './audit.ts';
import type { StationRole } from './stationRole.ts';

// How the audit trail names authors and record changes, apart from the schemas of audit.ts so that
// the record pages' history needs no zod (issue 9: first screen). audit.ts re-exports them.

const authorKeyLabels: Record<StationRole, string> = {
  'it-section': '情報システム担当の鍵',
  department: '部署の鍵',
};

/** 「市民課」（部署の鍵）, この端末（…）, or 不明: one author for the preview and the trail. */
export function describeAuthor(author: AuditAuthor): string {
  if (author.source !== 'key') return author.label;
  return `「${author.label}」（${author.role ? authorKeyLabels[author.role] : '鍵'}）`;
}

/** A rev short enough to read: generation and the first 8 hex digits (3-1a2b3c4d). */
export function shortRev(rev: string): string {
  return rev.slice(0, rev.indexOf('-') + 9);
}

const recordChangeLabels: Record<AuditRecordChange['change'], string> = {
  new: '新規',
  updated: '更新',
  conflict: '競合',
};

/** One record's line of an import entry, for the trail of that record. */
export function describeRecordChange(change: AuditRecordChange): string {
  const brought = `版 ${shortRev(change.newRev)}（署名 ${describeAuthor(change.newBy)}）`;
  const replaced =
    change.replacedRev && change.replacedBy
      ? `、版 ${shortRev(change.replacedRev)}（${describeAuthor(change.replacedBy)}）を置き換え`
      : '';
  return `取り込み（${recordChangeLabels[change.change]}）: ${brought}${replaced}`;
}
