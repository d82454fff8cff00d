import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { saveRecord } from '../../db/records.ts';
import { describeStorageError } from '../../db/errors.ts';
import { loadCurrentOperator } from '../../db/station.ts';
import { nowIso } from '../../domain/dateTime.ts';
import { describeCall, logCall } from '../../domain/incidentCalls.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { contactDisplayName } from '../../domain/contactRules.ts';
import { contactFieldLabels } from '../../domain/contact.ts';
import {
  NOT_RECORDED,
  reportMemoCallSummary,
  reportMemoText,
  type ReportMemoFactKey,
} from '../../domain/reportMemo.ts';
import { reportMemoPrintPath } from '../../print/counterPaths.ts';
import { Banner } from '../common/Banner.tsx';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { useNow } from '../common/useNow.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { copyText } from './copyText.ts';
import { ReportMemoFacts } from './ReportMemoFacts.tsx';
import { useReportMemo } from './useReportMemo.ts';
import './reportMemo.css';

type Message = { kind: 'error' | 'success' | 'info'; text: string };

/**
 * #/incidents/:id/memo — the 報告メモ: the facts in the order seed 000 gives, in large type to read
 * out on the phone, ticked as they are said; then 「通話を記録」 logs the call on the incident
 * (the outage desk's call log) with what was said, so nothing is typed twice.
 */
export function ReportMemoPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const now = useNow();
  const state = useReportMemo(id, search.get('desk'), now);
  const [said, setSaid] = useState<ReadonlySet<ReportMemoFactKey>>(new Set());
  const [message, setMessage] = useState<Message | null>(null);
  const [isTextShown, setTextShown] = useState(false);
  usePageTitle(state ? `報告メモ: ${state.incident.title}` : '報告メモ');

  if (state === undefined) return <p role="status">読み込み中…</p>;
  if (state === null) return <RecordNotFound what="この障害記録" backTo="/incidents" />;
  const { incident, memo, desks, desk, number } = state;
  const text = reportMemoText(memo);

  async function copy() {
    const done = await copyText(text);
    setTextShown(!done);
    setMessage(
      done
        ? {
            kind: 'success',
            text: 'テキストをコピーしました。メールやFAXの送り状に貼り付けてください。',
          }
        : {
            kind: 'info',
            text: 'コピーできませんでした。下の枠の文を選んでコピーしてください（Ctrl+A のあと Ctrl+C）。',
          },
    );
  }

  async function recordCall() {
    if (!desk) return;
    const at = nowIso();
    const who = desk.organization ? `${desk.organization} ${desk.name}` : desk.name;
    const by = await loadCurrentOperator();
    const logged = logCall(pickData(incident), { contactId: desk.id, who, number }, at, by);
    const data = describeCall(logged.data, logged.entryId, reportMemoCallSummary(said), number);
    try {
      await saveRecord('incident', data, { id: incident.id, baseRev: incident.rev });
      setSaid(new Set());
      setMessage({ kind: 'success', text: `「${who}」への電話を経過に記録しました。` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  function toggle(key: ReportMemoFactKey) {
    setSaid((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }

  return (
    <article className="report-memo-page">
      <p>
        <Link to={`/incidents/${incident.id}`}>← 障害記録に戻る</Link>
      </p>
      <div className="page-heading">
        <h1>報告メモ</h1>
        <div className="actions heading-actions">
          <button type="button" onClick={() => void copy()}>
            テキストをコピー
          </button>
          <button
            type="button"
            onClick={() => navigate(reportMemoPrintPath(incident.id, desk?.id))}
          >
            印刷
          </button>
        </div>
      </div>
      <p className="lead">
        この順番で読み上げてください。「未記入」は聞かれる項目です。分かれば障害記録に書き足してください。
      </p>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <dl className="memo-head memo-summary">
        {[
          ['システム', memo.system],
          ['件名', memo.title],
          ['障害レベル', memo.level],
          ['報告者', memo.reporter],
        ].map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={value === NOT_RECORDED ? 'memo-missing' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <section className="card report-memo-desk" aria-labelledby="memo-desk-heading">
        <h2 id="memo-desk-heading">連絡する窓口</h2>
        {desks.length > 1 ? (
          <label className="memo-desk-choice">
            窓口を選ぶ
            <select
              value={desk?.id ?? ''}
              onChange={(e) => setSearch({ desk: e.target.value }, { replace: true })}
            >
              {desks.map((c) => (
                <option key={c.id} value={c.id}>
                  {contactDisplayName(c)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {desk ? (
          <dl className="memo-head">
            <div>
              <dt>窓口</dt>
              <dd>{memo.desk?.name}</dd>
            </div>
            <div>
              <dt>電話番号</dt>
              <dd>{number ?? '電話番号が登録されていません'}</dd>
            </div>
            <div>
              <dt>{contactFieldLabels.contractNumber}</dt>
              <dd className="memo-quote">{memo.desk?.contractNumber}</dd>
            </div>
          </dl>
        ) : (
          <p className="empty">このシステムの連絡先は登録されていません。</p>
        )}
      </section>
      <ReportMemoFacts memo={memo} said={said} onToggle={toggle} />
      <section className="card report-memo-call" aria-labelledby="memo-call-heading">
        <h2 id="memo-call-heading">通話の記録</h2>
        <p>
          伝えた項目に印を付けてから押すと、電話した相手・時刻・伝えた項目を障害記録の経過に残します。
        </p>
        <button
          type="button"
          className="primary"
          disabled={!desk}
          onClick={() => void recordCall()}
        >
          通話を記録
        </button>
      </section>
      <details className="memo-text" open={isTextShown}>
        <summary>テキストで見る（メール・FAX用）</summary>
        <textarea aria-label="報告メモのテキスト" readOnly rows={16} value={text} />
      </details>
    </article>
  );
}
