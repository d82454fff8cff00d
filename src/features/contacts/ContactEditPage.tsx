import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until this screen lands (being written now). */
export function ContactEditPage() {
  return <NotReadyPage title="連絡先の編集" />;
}
