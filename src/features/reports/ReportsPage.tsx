import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until the reports screen lands. */
export function ReportsPage() {
  return <NotReadyPage title="報告・集計" />;
}
