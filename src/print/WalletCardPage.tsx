import type { Station } from '../domain/station.ts';
import { NotReadyPage } from '../app/NotReadyPage.tsx';

/** Placeholder until this print layout lands. */
export function WalletCardPage(_props: { station: Station }) {
  return <NotReadyPage title="携帯用連絡先カード" />;
}
