import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until this screen lands (being written now). */
export function OutagePage() {
  return <NotReadyPage title="障害発生時" />;
}
