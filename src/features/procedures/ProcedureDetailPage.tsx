import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until this screen lands (being written now). */
export function ProcedureDetailPage() {
  return <NotReadyPage title="代替手順" />;
}
