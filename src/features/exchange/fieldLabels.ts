import type { RecordType } from '../../domain/recordTypes.ts';
import { impactScopeLabels } from '../../domain/incident.ts';
import { incidentStatusLabels } from '../../domain/incidentStatus.ts';
import { continuityPriorityLabels } from '../../domain/system.ts';
import { contactKindLabels } from '../../domain/contact.ts';
import { formatDateTimeShort } from '../../domain/dateTime.ts';

// Japanese names of record fields for the side-by-side conflict view. A field missing here
// is shown by its key, so a new schema field never breaks the view.
const common: Record<string, string> = {
  title: '件名',
  name: '名前',
  department: '部署',
  notes: '備考',
  systemId: 'システム',
  systemIds: '対象システム',
  attachments: '添付ファイル',
};

const byType: Record<RecordType, Record<string, string>> = {
  incident: {
    occurredAt: '発生日時',
    detectedAt: '検知日時',
    reporterName: '報告者',
    terminal: '端末',
    screen: '画面',
    operation: '操作内容',
    symptoms: '症状',
    errorMessage: 'エラーメッセージ',
    scope: '影響範囲',
    othersAffected: 'ほかに影響を受けている人',
    attempts: '試したこと',
    level: 'レベル',
    status: '状態',
    contactsMade: '連絡の記録',
    timeline: '経過',
    residentImpact: '住民への影響',
    procedureId: '使った代替手順',
    cause: '原因',
    countermeasure: '対策',
    recurrencePrevention: '再発防止策',
    manualUpdated: 'マニュアル更新',
    manualUpdateNote: 'マニュアル更新の内容',
  },
  system: {
    name: 'システム名',
    department: '所管課',
    vendor: 'ベンダー',
    continuityPriority: '優先度',
    priorityServices: '非常時優先業務',
    rtoHours: '目標復旧時間（時間）',
  },
  contact: {
    name: '氏名・窓口名',
    organization: '組織名',
    role: '役割',
    kind: '種別',
    phones: '電話番号',
    extension: '内線',
    email: 'メールアドレス',
    hours: '受付時間',
    afterHoursPhone: '時間外の電話番号',
    contractNumber: '契約番号・お客様番号',
    escalationOrder: '連絡順',
    deputy: '職務代行',
  },
  incidentLevel: {
    level: 'レベル',
    name: 'レベル名',
    criteria: '判断基準',
    actions: '対応内容',
    notify: '連絡先（誰に）',
    notifyWithinMinutes: '連絡の期限（分）',
  },
  procedure: {
    title: '手順名',
    trigger: '開始の判断',
    levels: '対象レベル',
    steps: '手順',
    residentGuidance: '住民への案内',
    paperForms: '紙の様式',
    afterRecovery: '後処理',
    owner: '責任者',
    lastReviewedAt: '最終見直し日',
    version: '版',
    agreements: '合意事項',
  },
};

export function fieldLabel(type: RecordType, key: string): string {
  return byType[type][key] ?? common[key] ?? key;
}

// Stored codes shown by their Japanese names.
const enumLabels: Partial<Record<string, Record<string, string>>> = {
  scope: impactScopeLabels,
  status: incidentStatusLabels,
  continuityPriority: continuityPriorityLabels,
  kind: contactKindLabels,
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A field value as plain text for comparison: codes by their names, instants in Japanese
 * format, record ids by `names` (e.g. system names), lists one item per line.
 */
export function formatFieldValue(
  key: string,
  value: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (value === null || value === undefined) return '（なし）';
  if (typeof value === 'string') {
    if (value === '') return '（空）';
    const label = enumLabels[key]?.[value] ?? names.get(value);
    if (label) return label;
    return ISO_INSTANT.test(value) ? formatDateTimeShort(value) : value;
  }
  if (typeof value === 'boolean') return value ? 'はい' : 'いいえ';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value))
    return value.length === 0
      ? '（なし）'
      : value.map((item) => formatItem(item, names)).join('\n');
  return formatItem(value, names);
}

function formatItem(item: unknown, names: ReadonlyMap<string, string>): string {
  if (item && typeof item === 'object')
    return Object.entries(item as Record<string, unknown>)
      .filter(([key, v]) => key !== 'id' && v !== '' && v !== null)
      .map(([key, v]) =>
        typeof v === 'object' ? JSON.stringify(v) : formatFieldValue(key, v, names),
      )
      .join(' / ');
  return typeof item === 'string' ? formatFieldValue('', item, names) : String(item);
}
