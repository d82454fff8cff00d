import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until this screen lands (being written now). */
export function LevelEditPage() {
  return <NotReadyPage title="障害レベルの編集" />;
}
