import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until the staff guide lands. */
export function HelpPage() {
  return <NotReadyPage title="手引き" />;
}
