import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until this screen lands (being written now). */
export function ContactDetailPage() {
  return <NotReadyPage title="連絡先" />;
}
