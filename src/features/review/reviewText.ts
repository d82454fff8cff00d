import { formatDateJa } from '../../domain/dateTime.ts';
import type { ReviewItem, ReviewItemKind, ReviewSettings } from '../../domain/reviewRules.ts';

/** What each line of 点検 is about; tests and staff rely on the words. */
export const reviewItemKindLabels: Record<ReviewItemKind, string> = {
  followUp: '要対応',
  backup: 'バックアップ',
  procedure: '代替手順の見直し',
  contact: '連絡先の確認',
  systemDrill: 'システムの訓練',
  levelDrill: '障害レベルの訓練',
};

/** Since when a line needs attention, in one sentence. `extra` names who confirmed a contact. */
export function describeReviewItem(item: ReviewItem, settings: ReviewSettings, extra = ''): string {
  const last = formatDateJa(item.lastOn);
  const since = formatDateJa(item.dueSince);
  switch (item.kind) {
    case 'followUp':
      return `${since}から未対応です。`;
    case 'backup':
      return item.lastOn
        ? `最後のバックアップは${last}です（${settings.backupReminderDays}日ごとが目安）。`
        : 'この端末はまだ一度もバックアップしていません。';
    case 'procedure':
      return item.lastOn
        ? `最終見直し日は${last}です。${since}から見直しの時期です。`
        : `一度も見直していません（${since}に登録）。`;
    case 'contact':
      return item.lastOn
        ? `最終確認日は${last}${extra ? `（${extra}）` : ''}です。${since}から確認の時期です。`
        : `一度も確認していません（${since}に登録）。`;
    case 'systemDrill':
    case 'levelDrill':
      return item.lastOn
        ? `最後の訓練は${last}です。${since}から訓練の時期です。`
        : `まだ訓練していません（${since}に登録）。`;
  }
}

/** The periods in force, said once above the list. */
export function describeReviewPeriods(settings: ReviewSettings): string {
  const p = settings.periods;
  return `目安: 代替手順の見直し ${p.procedureMonths}か月、連絡先の確認 ${p.contactMonths}か月、システムの訓練 ${p.drillMonths}か月、障害レベルの訓練 ${p.levelDrillMonths}か月、バックアップ ${settings.backupReminderDays}日。`;
}
