import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until this screen lands (being written now). */
export function ProcedureListPage() {
  return <NotReadyPage title="代替手順" />;
}
