import type { Station } from '../domain/station.ts';
import { NotReadyPage } from '../app/NotReadyPage.tsx';

/** Placeholder until this print layout lands. */
export function IncidentReportPage(_props: { station: Station }) {
  return <NotReadyPage title="障害報告書" />;
}
