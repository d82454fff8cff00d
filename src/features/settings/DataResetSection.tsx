import { useState } from 'react';
import { Link } from 'react-router';
import { removeDemoData, useDemoRecordCount } from '../../db/demoLoader.ts';
import { eraseStation } from '../../db/resetStation.ts';
import { describeStorageError } from '../../db/errors.ts';
import { Banner } from '../common/Banner.tsx';
import { ConfirmBox } from '../common/ConfirmBox.tsx';

/** 設定: remove the demo municipality, or erase the station and start over. */
export function DataResetSection() {
  const demoCount = useDemoRecordCount();
  const [asking, setAsking] = useState<'demo' | 'erase' | null>(null);
  const [isExportConfirmed, setExportConfirmed] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  async function removeDemo() {
    setAsking(null);
    try {
      const removed = await removeDemoData();
      setMessage({ kind: 'success', text: `デモデータ（架空市）を${removed}件削除しました。` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  async function erase() {
    setAsking(null);
    try {
      await eraseStation();
      window.location.reload();
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  }

  return (
    <section aria-labelledby="reset-heading" className="card">
      <h2 id="reset-heading">デモデータと初期化</h2>
      {message ? <Banner kind={message.kind}>{message.text}</Banner> : null}
      <h3>デモデータ（架空市）</h3>
      {demoCount ? (
        <>
          <p>
            この端末には「デモデータで試す」で読み込んだ架空市のデータが{demoCount}
            件あります。本番で使う前に削除してください。自分で作成した記録は残ります。
          </p>
          {asking === 'demo' ? (
            <ConfirmBox
              confirmLabel="デモデータを削除する"
              onConfirm={() => void removeDemo()}
              onCancel={() => setAsking(null)}
            >
              架空市のシステム・連絡先・障害レベル・代替手順・障害記録（{demoCount}
              件）をこの端末から削除します。
            </ConfirmBox>
          ) : (
            <button type="button" onClick={() => setAsking('demo')}>
              デモデータを削除
            </button>
          )}
        </>
      ) : (
        <p>この端末にデモデータはありません。</p>
      )}
      <h3>この端末を最初の状態に戻す</h3>
      <p className="warning-text">
        この端末のすべてのデータ（障害記録・連絡先・代替手順・操作履歴・署名の鍵・信頼した鍵）を消して、最初の設定からやり直します。
        元には戻せません。先に上の「バックアップ」を作成するか、ほかの端末や情報システム担当へまだ渡していない記録を
        <Link to="/exchange">データ交換</Link>で書き出してください。
      </p>
      <label className="choice">
        <input
          type="checkbox"
          checked={isExportConfirmed}
          onChange={(event) => setExportConfirmed(event.target.checked)}
        />
        <span>必要なデータは書き出した（または消してよい）ことを確認しました</span>
      </label>
      {asking === 'erase' ? (
        <ConfirmBox
          confirmLabel="すべて消してやり直す"
          onConfirm={() => void erase()}
          onCancel={() => setAsking(null)}
        >
          本当にこの端末のデータをすべて消しますか？ 消したデータは戻せません。
        </ConfirmBox>
      ) : (
        <button
          type="button"
          className="danger"
          disabled={!isExportConfirmed}
          onClick={() => setAsking('erase')}
        >
          すべて消して最初からやり直す
        </button>
      )}
    </section>
  );
}
