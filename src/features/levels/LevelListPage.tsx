import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until this screen lands (being written now). */
export function LevelListPage() {
  return <NotReadyPage title="障害レベル" />;
}
