import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useLiveRecord } from '../../db/hooks.ts';
import { endDrill } from '../../db/drills.ts';
import { describeStorageError, RecordValidationError } from '../../db/errors.ts';
import { TEXT_LIMITS } from '../../domain/text.ts';
import { Banner } from '../common/Banner.tsx';
import { RecordNotFound } from '../common/RecordNotFound.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { ReadinessTabs } from './ReadinessTabs.tsx';

/**
 * /drills/:id/end — 「訓練を終了」: what the drill showed (つまずいた工程, a wrong number, a step
 * nobody knew), one finding per box. On the drill's page each finding can then open a follow-up.
 */
export function DrillEndPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const drill = useLiveRecord('drill', id);
  const [findings, setFindings] = useState<string[]>(['']);
  const [failure, setFailure] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  usePageTitle('訓練を終了');

  if (drill === null) return <RecordNotFound what="この訓練" backTo="/drills" />;
  if (drill === undefined) return <p role="status">読み込み中…</p>;
  if (drill.status !== 'running')
    return (
      <section>
        <ReadinessTabs />
        <h1>訓練を終了</h1>
        <p>
          この訓練は実施中ではありません。<Link to={`/drills/${id}`}>訓練の画面に戻る</Link>
        </p>
      </section>
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const tooLong = findings.findIndex((f) => f.trim().length > TEXT_LIMITS.long);
    if (tooLong >= 0) {
      setFailure(
        `${tooLong + 1}件目の気づいたことは${TEXT_LIMITS.long}文字以内で入力してください。`,
      );
      return;
    }
    setSaving(true);
    try {
      await endDrill(id, findings);
      navigate(`/drills/${id}`);
    } catch (error) {
      setFailure(
        error instanceof RecordValidationError
          ? `入力内容を確認してください: ${error.message}`
          : describeStorageError(error),
      );
      setSaving(false);
    }
  }

  return (
    <section>
      <ReadinessTabs />
      <h1>訓練を終了: {drill.title}</h1>
      <p className="lead">
        訓練で気づいたこと（つまずいた工程、つながらなかった連絡先、分かりにくい手順など）を1件ずつ書いてください。
        終了後、訓練の画面で1件ずつ「要対応」にできます。なければ空のまま終了してかまいません。
      </p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <form className="form" onSubmit={submit} noValidate>
        {findings.map((text, index) => (
          <div className="field" key={index}>
            <label htmlFor={`finding-${index}`}>気づいたこと {index + 1}</label>
            <textarea
              id={`finding-${index}`}
              rows={2}
              value={text}
              onChange={(e) =>
                setFindings((list) => list.map((t, i) => (i === index ? e.target.value : t)))
              }
            />
          </div>
        ))}
        <div className="actions">
          <button type="button" onClick={() => setFindings((list) => [...list, ''])}>
            気づいたことを追加
          </button>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={isSaving}>
            {isSaving ? '保存中…' : '訓練を終了する'}
          </button>
          <Link className="button" to={`/drills/${id}`}>
            まだ続ける
          </Link>
        </div>
      </form>
    </section>
  );
}
