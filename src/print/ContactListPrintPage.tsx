import type { Station } from '../domain/station.ts';
import { NotReadyPage } from '../app/NotReadyPage.tsx';

/** Placeholder until this print layout lands. */
export function ContactListPrintPage(_props: { station: Station }) {
  return <NotReadyPage title="緊急連絡先一覧" />;
}
