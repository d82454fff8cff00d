import { useState } from 'react';
import { Link } from 'react-router';
import type { ReviewRecords } from '../../db/reviewQueries.ts';
import { followUpTargetTypeLabels } from '../../domain/followUp.ts';
import { todayInTokyo } from '../../domain/procedureRules.ts';
import { recordTitle } from '../../domain/recordTitle.ts';
import type { ReviewItem, ReviewSettings } from '../../domain/reviewRules.ts';
import { recordPagePath } from '../audit/recordPagePath.ts';
import { Banner } from '../common/Banner.tsx';
import { useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { MarkReviewedButton } from '../procedures/MarkReviewedButton.tsx';
import { ReadinessTabs } from '../drills/ReadinessTabs.tsx';
import { ConfirmContactButton, type ActionMessage } from './ConfirmContactButton.tsx';
import { describeReviewItem, describeReviewPeriods, reviewItemKindLabels } from './reviewText.ts';
import { useReviewItems } from './useReviewItems.ts';
import './review.css';

/** 点検: one list of what needs attention, most urgent first, each with what to do about it. */
export function ReviewPage() {
  const { items, records, settings, now } = useReviewItems();
  const canEdit = useCanEditMasterData();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  usePageTitle('点検');

  return (
    <section className="review-page">
      <ReadinessTabs />
      <h1>点検</h1>
      <p className="review-intro">
        しばらく見直していない記録や、訓練で見つかった要対応をまとめています。上ほど急ぎです。
      </p>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      {!items || !records || !settings || canEdit === undefined ? (
        <p role="status">読み込み中…</p>
      ) : (
        <>
          <p className="hint">{describeReviewPeriods(settings)}</p>
          {items.length === 0 ? (
            <p className="review-empty">いま点検が必要なものはありません。</p>
          ) : (
            <ol className="review-list" aria-label="点検が必要なもの">
              {items.map((item) => (
                <ReviewRow
                  key={item.key}
                  item={item}
                  records={records}
                  settings={settings}
                  today={todayInTokyo(now)}
                  canEdit={canEdit}
                  onResult={setMessage}
                />
              ))}
            </ol>
          )}
          {canEdit ? null : (
            <p className="hint">
              見直しと確認の記録は情報システム担当の端末で行います。気づいたことは情報システム担当へ伝えてください。
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ReviewRow({
  item,
  records,
  settings,
  today,
  canEdit,
  onResult,
}: {
  item: ReviewItem;
  records: ReviewRecords;
  settings: ReviewSettings;
  today: string;
  canEdit: boolean;
  onResult: (message: ActionMessage) => void;
}) {
  const contact =
    item.kind === 'contact' ? records.contacts.find((c) => c.id === item.recordId) : undefined;
  const procedure =
    item.kind === 'procedure' ? records.procedures.find((p) => p.id === item.recordId) : undefined;
  // The list's message names the record: its line is gone once the action succeeds.
  const named = (title: string) => (m: ActionMessage) =>
    onResult(m.kind === 'success' ? { ...m, text: `「${title}」の${m.text}` } : m);

  return (
    <li className={`review-item review-item-${item.kind}`}>
      <span className="review-kind">{reviewItemKindLabels[item.kind]}</span>
      <span className="review-title">
        <ItemLink item={item} records={records} />
      </span>
      <span className="review-since">
        {describeReviewItem(item, settings, contact?.confirmedBy ?? '')}
      </span>
      <span className="review-actions">
        {contact && canEdit ? (
          <ConfirmContactButton contact={contact} today={today} onResult={onResult} />
        ) : null}
        {procedure && canEdit ? (
          <MarkReviewedButton
            procedure={procedure}
            today={today}
            onResult={named(procedure.title)}
          />
        ) : null}
        {item.kind === 'systemDrill' || item.kind === 'levelDrill' ? (
          <Link to={drillPlanPath(item)} aria-label={`${item.title}の訓練を計画する`}>
            訓練を計画する
          </Link>
        ) : null}
      </span>
    </li>
  );
}

/** The drill plan form (the drill engineer's), with the system chosen for a system's line. */
function drillPlanPath(item: ReviewItem): string {
  return item.kind === 'systemDrill' && item.recordId
    ? `/drills/new?system=${encodeURIComponent(item.recordId)}`
    : '/drills/new';
}

/** The record a line is about; a follow-up names the record it concerns. */
function ItemLink({ item, records }: { item: ReviewItem; records: ReviewRecords }) {
  if (item.kind === 'backup') return <Link to="/settings">{item.title}（設定で保存）</Link>;
  if (item.kind === 'followUp' && item.target) {
    const { type, id } = item.target;
    const target = targetTitle(records, type, id);
    return (
      <>
        {item.title}
        <span className="review-target">
          （{followUpTargetTypeLabels[type]}:{' '}
          {target ? <Link to={recordPagePath(type, id)}>{target}</Link> : '削除された記録'}）
        </span>
      </>
    );
  }
  if (!item.recordType || !item.recordId) return <>{item.title}</>;
  return <Link to={recordPagePath(item.recordType, item.recordId)}>{item.title}</Link>;
}

function targetTitle(
  records: ReviewRecords,
  type: NonNullable<ReviewItem['target']>['type'],
  id: string,
): string | null {
  const list = {
    procedure: records.procedures,
    contact: records.contacts,
    system: records.systems,
    incidentLevel: records.levels,
  }[type] as { id: string }[];
  const found = list.find((r) => r.id === id);
  return found ? recordTitle(type, found as never) : null;
}
