import { NotReadyPage } from '../../app/NotReadyPage.tsx';

/** Placeholder until the searchable audit trail lands. */
export function AuditTrailPage() {
  return <NotReadyPage title="操作履歴" />;
}
