import { saveRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import { formatDateJa } from '../../domain/dateTime.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { procedureFieldLabels } from '../../domain/procedure.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';

/**
 * 「見直しました（今日の日付にする）」: sets the procedure's 最終見直し日 to today through
 * saveRecord (a revision and an audit entry). Used on the procedure's page and on 点検; the host
 * checks the station may edit master data and shows the result.
 */
export function MarkReviewedButton({
  procedure,
  today,
  onResult,
}: {
  procedure: RecordOf<'procedure'>;
  today: string;
  onResult: (message: { kind: 'error' | 'success'; text: string }) => void;
}) {
  const reviewedToday = procedure.lastReviewedOn === today;

  async function markReviewed() {
    try {
      await saveRecord(
        'procedure',
        { ...pickData(procedure), lastReviewedOn: today },
        { id: procedure.id, baseRev: procedure.rev },
      );
      onResult({
        kind: 'success',
        text: `${procedureFieldLabels.lastReviewedOn}を${formatDateJa(today)}にしました。`,
      });
    } catch (error) {
      onResult({ kind: 'error', text: describeStorageError(error) });
    }
  }

  return (
    <button
      type="button"
      onClick={() => void markReviewed()}
      disabled={reviewedToday}
      title={reviewedToday ? '今日すでに見直し済みになっています' : undefined}
    >
      見直しました（今日の日付にする）
    </button>
  );
}
