import { Link } from 'react-router';
import { usePageTitle } from '../common/usePageTitle.ts';
import { ExportSection } from './ExportSection.tsx';
import { ImportSection } from './ImportSection.tsx';
import { ConflictsSection } from './ConflictsSection.tsx';
import { HistorySection } from './HistorySection.tsx';
import './exchange.css';

/** データ交換: signed files on approved media instead of a network. */
export function ExchangePage() {
  usePageTitle('データ交換');
  return (
    <section className="exchange-page">
      <h1>データ交換</h1>
      <p>
        ネットワークの代わりに、署名付きのファイルを承認された媒体で受け渡しします。署名の鍵と、信頼する相手の鍵は「設定」で管理します。
        ブラウザのデータはこのアドレス（サーバー名・ポート）に結び付いているため、アドレスが変わる場合も、ここで書き出して取り込み直してください。
      </p>
      <p>
        <Link to="/exchange/verify">ファイルの検証</Link>
        （取り込まずに、署名と内容だけを確かめます）
      </p>
      <ExportSection />
      <ImportSection />
      <ConflictsSection />
      <HistorySection />
    </section>
  );
}
