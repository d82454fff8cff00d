import { Link } from 'react-router';
import { usePageTitle } from '../features/common/usePageTitle.ts';

/** Screens that later work fills in say so plainly instead of pretending. */
export function NotReadyPage({ title, missing = false }: { title: string; missing?: boolean }) {
  usePageTitle(title);
  return (
    <section>
      <h1>{title}</h1>
      {missing ? (
        <p>
          このページはありません。<Link to="/incidents">障害記録</Link>へ戻ってください。
        </p>
      ) : (
        <p className="notice">準備中です。この画面は今後の版で使えるようになります。</p>
      )}
    </section>
  );
}
