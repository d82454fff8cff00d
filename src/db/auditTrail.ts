import type { AuditEntry } from '../domain/audit.ts';
import type { Station } from '../domain/station.ts';
import { nowIso } from '../domain/dateFormat.ts';
import { getDatabase } from './instance.ts';
import type { SonaeDatabase } from './database.ts';
import { currentActorName } from './operator.ts';

type AuditFields = Pick<AuditEntry, 'action' | 'summary'> &
  Partial<Pick<AuditEntry, 'at' | 'recordType' | 'recordId' | 'rev' | 'release'>>;

/**
 * Appends one entry to the audit trail (操作履歴) in the name of `station` and of the person at its
 * keyboard (the operator chosen in the header, else 担当者名, else the terminal; PRODUCT.md
 * decision 6). Call it inside the transaction of the write it describes (which must include the
 * `audit` table), so the entry and the change are kept or lost together. Nothing ever updates or
 * deletes an entry.
 */
export async function appendAudit(
  station: Station,
  fields: AuditFields,
  db: SonaeDatabase = getDatabase(),
): Promise<void> {
  await db.audit.add({
    at: fields.at ?? nowIso(),
    stationId: station.id,
    actor: currentActorName(station),
    action: fields.action,
    recordType: fields.recordType ?? null,
    recordId: fields.recordId ?? null,
    rev: fields.rev ?? null,
    summary: fields.summary,
    ...(fields.release ? { release: fields.release } : {}),
  });
}
