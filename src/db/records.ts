import { recordSchemas, type RecordDataOf, type RecordOf } from '../domain/recordSchemas.ts';
import { recordTypeLabels, type RecordType } from '../domain/recordTypes.ts';
import { nowIso } from '../domain/dateTime.ts';
import { pickData } from '../domain/recordMeta.ts';
import { createStoredRecord, reviseStoredRecord, tombstoneOf } from '../domain/storedRecord.ts';
import { recordTitle } from '../domain/recordTitle.ts';
import type { AttachmentBlob } from './database.ts';
import { getDatabase } from './instance.ts';
import { appendAudit } from './auditTrail.ts';
import { requireStation } from './station.ts';
import { RecordValidationError, StaleRecordError } from './errors.ts';

export interface SaveOptions {
  /** Id of the record to update; omitted to create one. */
  id?: string;
  /** Revision the form started from; a different stored revision means someone else saved. */
  baseRev?: string;
  /** Draft to discard in the same transaction, so a saved form never reappears as a draft. */
  draftKey?: string;
  /** Attachment bytes added by this edit. */
  newAttachments?: AttachmentBlob[];
}

function attachmentIdsOf(data: unknown): string[] {
  const refs = (data as { attachments?: { id: string }[] }).attachments;
  return refs ? refs.map((a) => a.id) : [];
}

/**
 * Validates and writes one record, its new revision and an audit entry in one transaction.
 * Throws RecordValidationError, StaleRecordError or a storage error; on any throw nothing
 * is written.
 */
export async function saveRecord<T extends RecordType>(
  type: T,
  input: RecordDataOf<T>,
  options: SaveOptions = {},
): Promise<RecordOf<T>> {
  const parsed = recordSchemas[type].data.safeParse(input);
  if (!parsed.success) throw new RecordValidationError(parsed.error.issues);
  const data = parsed.data as RecordDataOf<T>;
  const db = getDatabase();
  const table = db.recordTable(type);
  return db.transaction(
    'rw',
    [table, db.audit, db.settings, db.drafts, db.attachments],
    async (tx) => {
      const station = await requireStation(tx);
      const now = nowIso();
      const existing = options.id ? await table.get(options.id) : undefined;
      if (options.id && !existing) throw new StaleRecordError('record vanished');
      if (existing && options.baseRev && existing.rev !== options.baseRev)
        throw new StaleRecordError('record changed since the form loaded it');

      const record = existing
        ? reviseStoredRecord(type, existing, data, station.id, now)
        : createStoredRecord(type, data, station.id, now, options.id);
      const meta = record;
      await table.put(record);

      if (options.newAttachments?.length) {
        const referenced = new Set(attachmentIdsOf(data));
        await db.attachments.bulkPut(options.newAttachments.filter((a) => referenced.has(a.id)));
      }
      if (existing) {
        const kept = new Set(attachmentIdsOf(data));
        const dropped = attachmentIdsOf(pickData(existing)).filter((id) => !kept.has(id));
        if (dropped.length) await db.attachments.bulkDelete(dropped);
      }
      if (options.draftKey) await db.drafts.delete(options.draftKey);

      await appendAudit(station, {
        at: now,
        action: existing ? 'update' : 'create',
        recordType: type,
        recordId: meta.id,
        rev: meta.rev,
        summary: `${recordTypeLabels[type]}「${recordTitle(type, data)}」を${existing ? '更新' : '作成'}`,
      });
      return record;
    },
  );
}

/**
 * Marks a record deleted: a tombstone with a new revision, so the deletion can be exchanged.
 * The tombstone keeps no content (PRODUCT.md, decision 5); only the audit entry names it.
 */
export async function deleteRecord(type: RecordType, id: string, baseRev?: string): Promise<void> {
  const db = getDatabase();
  const table = db.recordTable(type);
  await db.transaction('rw', [table, db.audit, db.settings], async (tx) => {
    const station = await requireStation(tx);
    const existing = await table.get(id);
    if (!existing || existing.deleted) throw new StaleRecordError('record missing or deleted');
    if (baseRev && existing.rev !== baseRev) throw new StaleRecordError('record changed');
    const data = pickData(existing);
    const now = nowIso();
    const meta = tombstoneOf(type, existing, station.id, now);
    await table.put(meta);
    await appendAudit(station, {
      at: now,
      action: 'delete',
      recordType: type,
      recordId: id,
      rev: meta.rev,
      summary: `${recordTypeLabels[type]}「${recordTitle(type, data as never)}」を削除`,
    });
  });
}

/** A record that is not a tombstone, or undefined. */
export async function getLiveRecord<T extends RecordType>(
  type: T,
  id: string,
): Promise<RecordOf<T> | undefined> {
  const record = await getDatabase().recordTable(type).get(id);
  return record && !record.deleted ? record : undefined;
}

/** The bytes of an attachment, or undefined if they are not on this PC. */
export async function loadAttachment(id: string): Promise<Blob | undefined> {
  return (await getDatabase().attachments.get(id))?.blob;
}
