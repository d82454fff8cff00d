import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { useLiveRecords } from '../../db/hooks.ts';
import { incidentLevelFieldLabels as labels } from '../../domain/incidentLevel.ts';
import { formatNotifyWithin } from '../../domain/levelSuggestion.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { Banner } from '../common/Banner.tsx';
import { DeleteRecordButton } from '../common/DeleteRecordButton.tsx';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RecordFollowUps } from '../followUps/RecordFollowUps.tsx';
import './levels.css';

type StoredLevel = RecordOf<'incidentLevel'>;

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div className="detail-item">
      <dt>{label}</dt>
      <dd>{value.trim() ? value : '—'}</dd>
    </div>
  );
}

/** Numbers used by more than one level (possible after an import); the form refuses new ones. */
function duplicateNumbers(levels: readonly StoredLevel[]): number[] {
  const counts = new Map<number, number>();
  for (const l of levels) counts.set(l.level, (counts.get(l.level) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([n]) => n);
}

function LevelCard({
  level,
  canEdit,
  incidentCount,
}: {
  level: StoredLevel;
  canEdit: boolean;
  incidentCount: number;
}) {
  const title = `レベル${level.level} ${level.name}`;
  const questions = level.questions ?? [];
  return (
    <article className="card level-card" aria-labelledby={`level-${level.id}`}>
      <div className="level-card-heading">
        <h2 id={`level-${level.id}`}>
          <span className="level-number">レベル{level.level}</span> {level.name}
        </h2>
        {canEdit ? (
          <div className="row-actions">
            <Link className="button" to={`/levels/${level.id}/edit`} aria-label={`${title}を編集`}>
              編集
            </Link>
            <DeleteRecordButton
              type="incidentLevel"
              id={level.id}
              rev={level.rev}
              title={title}
              afterDelete="/levels"
              {...(incidentCount > 0
                ? {
                    consequence: `このレベルの障害記録が${incidentCount}件あります。記録のレベルはそのまま残りますが、連絡の期限は表示されなくなります。`,
                  }
                : {})}
            />
          </div>
        ) : null}
      </div>
      <RecordFollowUps targetType="incidentLevel" targetId={level.id} headingLevel={3} />
      <dl className="level-details">
        <Item label={labels.criteria} value={level.criteria} />
        <Item label={labels.actions} value={level.actions} />
        <Item label={labels.notify} value={level.notify} />
        <Item label="連絡の期限" value={formatNotifyWithin(level.notifyWithinMinutes)} />
      </dl>
      <h3 className="level-questions-heading">{labels.questions}</h3>
      {questions.length === 0 ? (
        <p className="hint">質問はありません（障害記録の入力画面に目安は出ません）。</p>
      ) : (
        <ul className="level-question-list">
          {questions.map((q) => (
            <li key={q.id}>
              {q.text} <span className="hint">→「はい」ならレベル{q.impliesLevel}以上</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** 障害レベル: the levels in order, with their criteria, actions and whom to notify by when. */
export function LevelListPage() {
  usePageTitle('障害レベル');
  const location = useLocation();
  const levels = useLiveRecords('incidentLevel');
  const incidents = useLiveRecords('incident');
  const canEdit = useCanEditMasterData();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;

  const sorted = useMemo(
    () =>
      [...(levels ?? [])].sort((a, b) => a.level - b.level || a.name.localeCompare(b.name, 'ja')),
    [levels],
  );
  const duplicates = duplicateNumbers(sorted);
  const countFor = (n: number) => (incidents ?? []).filter((i) => i.level === n).length;

  return (
    <section>
      <div className="page-heading">
        <h1>障害レベル</h1>
        {canEdit ? (
          <Link className="button primary" to="/levels/new">
            新規作成
          </Link>
        ) : null}
      </div>
      <p className="lead">
        障害の重さを段階に分け、段階ごとの判断基準・対応・連絡先と連絡の期限を決めておきます。数字が大きいほど重い障害です。
      </p>
      {canEdit === false ? <ReadOnlyNotice what="障害レベル" /> : null}
      {deleted ? <Banner kind="success">{deleted}</Banner> : null}
      {duplicates.length > 0 ? (
        <Banner kind="error">
          {duplicates.map((n) => `レベル${n}`).join('・')}
          が複数あります（データ交換で別々に作られた可能性があります）。どちらかを編集して番号を分けるか、削除してください。
        </Banner>
      ) : null}
      {levels === undefined || canEdit === undefined ? (
        <p role="status">読み込み中…</p>
      ) : sorted.length === 0 ? (
        <div className="empty">
          <p>まだ障害レベルが登録されていません。</p>
          <p>
            障害レベルは、障害の重さに応じて「誰に・何分以内に連絡し、何をするか」を決めておくものです。
            いざというときに迷わないよう、ベンダーや連携するシステムの担当と平常時に合意しておきます。
          </p>
          {canEdit ? (
            <p>
              「新規作成」から、軽いもの（レベル1）から順に登録してください。判断のための質問を付けると、障害記録の入力画面でレベルの目安が出ます。
            </p>
          ) : (
            <p>障害レベルは情報システム担当が登録し、配布します。</p>
          )}
        </div>
      ) : (
        sorted.map((level) => (
          <LevelCard
            key={level.id}
            level={level}
            canEdit={canEdit === true}
            incidentCount={countFor(level.level)}
          />
        ))
      )}
    </section>
  );
}
