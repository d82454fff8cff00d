import { useState } from 'react';
import { StationFormFields } from '../settings/StationFormFields.tsx';
import { loadDemoData } from '../../db/demoLoader.ts';
import { describeStorageError } from '../../db/errors.ts';
import { Banner } from '../common/Banner.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { RestoreSection } from '../settings/RestoreSection.tsx';

/** First run: name this PC, or try the app with the fictional municipality 架空市. */
export function FirstRunPage() {
  usePageTitle('はじめに');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function tryDemo() {
    setBusy(true);
    try {
      await loadDemoData();
    } catch (error) {
      setFailure(describeStorageError(error));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="first-run">
      <h1>
        <span aria-hidden="true" className="brand-mark">
          備
        </span>
        備え へようこそ
      </h1>
      <p>
        システム障害が起きたときの記録・連絡先・代替手順を、この PC
        の中に保管するアプリです。インターネットにはつながず、データはこのブラウザーに保存されます。
      </p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <div className="first-run-columns">
        <section aria-labelledby="setup-heading" className="card">
          <h2 id="setup-heading">この端末の設定</h2>
          <p>記録を作った人・端末として残ります。あとから「設定」で変更できます。</p>
          <StationFormFields submitLabel="この内容で始める" />
        </section>
        <section aria-labelledby="demo-heading" className="card">
          <h2 id="demo-heading">まず試してみる</h2>
          <p>
            架空の自治体「架空市」のシステム・連絡先・障害レベル・代替手順と、約30件の障害記録を読み込みます。
            操作の練習や研修に使えます。
          </p>
          <button type="button" onClick={tryDemo} disabled={busy}>
            {busy ? '読み込み中…' : 'デモデータで試す'}
          </button>
        </section>
      </div>
      {/* Issue 14: a new or cleared PC, or a new address, starts from a whole-station backup. */}
      <RestoreSection />
    </main>
  );
}
