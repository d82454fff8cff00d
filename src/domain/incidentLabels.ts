// The names and labels of incident records, apart from the schema (incident.ts) so that screens can
// show them without zod (issue 9: first screen). incident.ts re-exports them.

export const impactScopes = ['self', 'several', 'department', 'all'] as const;
export type ImpactScope = (typeof impactScopes)[number];
export const impactScopeLabels: Record<ImpactScope, string> = {
  self: '自分の端末のみ',
  several: '複数の端末',
  department: '課全体',
  all: '全庁',
};

export const contactMethods = ['phone', 'email', 'visit', 'other'] as const;
export type ContactMethod = (typeof contactMethods)[number];
export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: '電話',
  email: 'メール',
  visit: '対面',
  other: 'その他',
};

/** One source of the Japanese name of every field: schema messages, forms and the conflict view. */
export const incidentFieldLabels = {
  title: '件名',
  systemId: 'システム',
  systemName: 'システム名（記録時）',
  occurredAt: '発生日時',
  detectedAt: '検知日時',
  reporterName: '報告者',
  department: '部署',
  terminal: '端末',
  screen: '画面',
  operation: '操作内容',
  symptoms: '症状',
  errorMessage: 'エラーメッセージ',
  scope: '影響範囲',
  othersAffected: 'ほかに影響を受けている人',
  attempts: '試したことと結果',
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
  attachments: '添付ファイル',
  drillId: '訓練',
} as const;
