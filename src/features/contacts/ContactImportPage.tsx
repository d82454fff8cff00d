import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until this screen lands (being written now). */
export function ContactImportPage() {
  return <NotReadyPage title="連絡先の取り込み" />;
}
