import { Link } from 'react-router';
import { useExportFacts } from '../db/storageHealth.ts';
import { EXPORT_REMINDER_DAYS, isExportOverdue } from '../domain/storageHealth.ts';
import { BUILD_ID, describeAppVersion } from './buildInfo.ts';
import { describeOfflineStatus } from './offlineStatusText.ts';
import { useServiceWorkerState } from './serviceWorker.ts';
import './offline.css';

/** A quiet note in the header: can this page open offline, and is an export overdue? */
export function StorageStatusIndicator() {
  const { offline } = useServiceWorkerState();
  const facts = useExportFacts();
  const { label, detail } = describeOfflineStatus(offline);
  const isOverdue = facts !== undefined && isExportOverdue(facts, new Date());
  return (
    <span className="storage-status" data-offline-status={offline} data-build-id={BUILD_ID}>
      <span
        className={`storage-status-offline storage-status-${offline}`}
        title={`${detail}（版 ${describeAppVersion()}）`}
      >
        {label}
      </span>
      {isOverdue && (
        <Link
          className="storage-status-export"
          to="/settings"
          title={`${EXPORT_REMINDER_DAYS}日以上データを書き出していません。「設定」で確認してください。`}
        >
          <span aria-hidden="true">⚠</span> 書き出し未実施
        </Link>
      )}
    </span>
  );
}
