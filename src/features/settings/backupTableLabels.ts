import { recordTypeLabels, type RecordType } from '../../domain/recordTypes.ts';
import { recordTables } from '../../db/database.ts';

// What each table of a backup holds, in the preview's words. A table this list does not know
// (added after this code) shows its own name: it is still carried and restored.
const otherTables: Record<string, string> = {
  conflicts: '競合している版',
  attachments: '添付ファイル',
  audit: '操作履歴',
  settings: '設定',
  drafts: '下書き',
  imports: '取り込み履歴',
  snapshots: '取り込み前の状態',
  trustedKeys: '信頼する鍵',
  exportedRevs: '書き出し済みの版',
  revSignerSets: '版の署名者',
  // Backups made before Dexie version 8 (restored into revSignerSets).
  revSigners: '版の署名者（旧形式）',
};

/** 「障害記録」 for `incidents`, 「操作履歴」 for `audit`, the name itself otherwise. */
export function backupTableLabel(table: string): string {
  for (const [type, name] of Object.entries(recordTables))
    if (name === table) return recordTypeLabels[type as RecordType];
  return otherTables[table] ?? table;
}
