import type { Station } from '../domain/station.ts';
import { NotReadyPage } from '../app/NotReadyPage.tsx';

/** Placeholder until this print layout lands. */
export function BinderPage(_props: { station: Station }) {
  return <NotReadyPage title="緊急時バインダー" />;
}
