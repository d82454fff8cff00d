import { useLiveRecords } from '../../db/hooks.ts';
import { isOpenStatus } from '../../domain/incidentStatus.ts';
import {
  describeDeadline,
  formatNotifyWithin,
  notificationDeadline,
} from '../../domain/levelSuggestion.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { useNow } from '../common/useNow.ts';
import './levels.css';

/** Refreshes the countdown often enough that 「あと1分」 is never a minute stale. */
const REFRESH_MS = 15_000;

/**
 * Whom to notify and by when, counting from 発生, for an incident's level: red once overdue.
 * Renders nothing when the incident has no level or its level sets no deadline. A resolved or
 * closed incident shows the deadline without counting, as the moment to act has passed.
 */
export function NotificationDeadline({ incident }: { incident: RecordOf<'incident'> }) {
  const levels = useLiveRecords('incidentLevel');
  const now = useNow(REFRESH_MS);
  const deadline = levels ? notificationDeadline(incident, levels) : null;
  if (!deadline) return null;

  const isCounting = isOpenStatus(incident.status);
  const { text, isOverdue } = describeDeadline(deadline.dueAt, now);
  const whom = deadline.notify.trim() || '（連絡先が決められていません）';
  return (
    <section
      className={`card notification-deadline${isCounting && isOverdue ? ' is-overdue' : ''}`}
      aria-labelledby={`deadline-${incident.id}`}
    >
      <h2 id={`deadline-${incident.id}`}>連絡の期限</h2>
      <p>
        レベル{deadline.level.level}（{deadline.level.name}）: <strong>{whom}</strong> へ
        {formatNotifyWithin(deadline.minutes)}に連絡
      </p>
      {isCounting ? (
        <p className="deadline-count">
          {isOverdue ? <span className="deadline-flag">期限切れ</span> : null}
          {text}
        </p>
      ) : (
        <p className="hint">この障害は解決済みのため、残り時間は数えていません。</p>
      )}
    </section>
  );
}
