import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until the verify-only page lands. */
export function VerifyBundlePage() {
  return <NotReadyPage title="ファイルの検証" />;
}
