import { Link } from 'react-router';
import { Banner } from './Banner.tsx';

/** A record that was deleted (here or by an import) or never existed on this PC. */
export function RecordNotFound({ what, backTo }: { what: string; backTo: string }) {
  return (
    <Banner kind="error">
      {what}は見つかりません（削除された可能性があります）。<Link to={backTo}>一覧へ戻る</Link>
    </Banner>
  );
}
