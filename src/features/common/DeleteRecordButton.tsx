import { useState } from 'react';
import { useNavigate } from 'react-router';
import { deleteRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import { recordTypeLabels, type RecordType } from '../../domain/recordTypes.ts';
import { ConfirmBox } from './ConfirmBox.tsx';
import { Banner } from './Banner.tsx';

/**
 * 削除 for any record: asks first (naming the record and what deleting means), then writes a
 * tombstone (audited, exchanged in bundles) and leaves for `afterDelete`.
 */
export function DeleteRecordButton({
  type,
  id,
  rev,
  title,
  afterDelete,
  consequence,
}: {
  type: RecordType;
  id: string;
  /** The revision shown; if someone saved meanwhile, nothing is deleted and the person is told. */
  rev: string;
  title: string;
  afterDelete: string;
  /** What else the person should know, e.g. 「この連絡先を職務代行にしている連絡先があります」. */
  consequence?: string;
}) {
  const navigate = useNavigate();
  const [isAsking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const label = recordTypeLabels[type];

  async function confirm() {
    try {
      await deleteRecord(type, id, rev);
      navigate(afterDelete, { state: { deleted: `${label}「${title}」を削除しました。` } });
    } catch (error) {
      setFailure(describeStorageError(error));
      setAsking(false);
    }
  }

  return (
    <>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {isAsking ? (
        <ConfirmBox
          confirmLabel="削除する"
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(false)}
        >
          {label}「{title}」を削除しますか？
          内容はこの端末から消え、次のデータ交換でほかの端末からも削除されます（操作履歴には残ります）。
          {consequence ? ` ${consequence}` : ''}
        </ConfirmBox>
      ) : (
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          削除
        </button>
      )}
    </>
  );
}
