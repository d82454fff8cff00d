import { useState } from 'react';
import { loadStation } from '../../db/station.ts';
import { getOperator } from '../../db/operator.ts';
import { StationMissingError } from '../../db/errors.ts';
import { saveRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import { confirmContactData, confirmerName } from '../../domain/contact.ts';
import { formatDateJa } from '../../domain/dateTime.ts';
import { pickData } from '../../domain/recordMeta.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';

/** What an action on a record says afterwards, above the list or page. */
export type ActionMessage = { kind: 'error' | 'success'; text: string };

/**
 * 「確認した」: records in one click that the contact was checked today and by whom (the
 * station's staff name), through saveRecord, so it gets a revision and an audit entry like any
 * edit. The host decides whether this station may (useCanEditMasterData) and shows the result.
 */
export function ConfirmContactButton({
  contact,
  today,
  onResult,
}: {
  contact: RecordOf<'contact'>;
  today: string;
  onResult: (message: ActionMessage) => void;
}) {
  const confirmedToday = contact.confirmedOn === today;
  // A second click while the first is saving would only meet a stale revision.
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      // Read at the click, not from a hook, so the button works from its first paint.
      const station = await loadStation();
      if (!station) throw new StationMissingError('station not set up');
      const by = confirmerName(station, getOperator(station.id));
      await saveRecord('contact', confirmContactData(pickData(contact), today, by), {
        id: contact.id,
        baseRev: contact.rev,
      });
      onResult({
        kind: 'success',
        text: `「${contact.name}」を確認済みにしました（${formatDateJa(today)}、${by}）。`,
      });
    } catch (error) {
      onResult({ kind: 'error', text: describeStorageError(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      onClick={() => void confirm()}
      disabled={busy || confirmedToday}
      title={
        confirmedToday
          ? '今日すでに確認済みです'
          : '内容がいまも正しいことを確かめたら押してください'
      }
    >
      確認した
    </button>
  );
}
