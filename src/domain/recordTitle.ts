import type { RecordDataOf } from './recordSchemas.ts';
import type { RecordType } from './recordTypes.ts';
import { recordTypeLabels } from './recordTypes.ts';

/** A short human name of a record, for the audit trail and messages. */
export function recordTitle<T extends RecordType>(type: T, data: RecordDataOf<T>): string {
  const d = data as Record<string, unknown>;
  // A tombstone carries no content, so it has no name of its own.
  if (Object.keys(d).length === 0) return '（削除済み）';
  switch (type) {
    case 'system':
    case 'contact':
      return String(d.name);
    case 'incident':
    case 'procedure':
    case 'drill':
      return String(d.title);
    case 'followUp':
      return `要対応: ${String(d.text).slice(0, 40)}`;
    case 'incidentLevel':
      return `レベル${String(d.level)} ${String(d.name)}`;
  }
  return recordTypeLabels[type];
}
