import type { Station } from '../domain/station.ts';
import { NotReadyPage } from '../app/NotReadyPage.tsx';

/** Placeholder until the monthly report layout lands. */
export function MonthlyReportPage(_props: { station: Station }) {
  return <NotReadyPage title="月次報告" />;
}
