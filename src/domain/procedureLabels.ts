// The names and labels of procedure records, apart from the schema (procedure.ts) so that screens can
// show them without zod (issue 9: first screen). procedure.ts re-exports them.

export const procedurePhases = ['initial', 'fallback', 'recovery'] as const;
export type ProcedurePhase = (typeof procedurePhases)[number];
export const procedurePhaseLabels: Record<ProcedurePhase, string> = {
  initial: '初動',
  fallback: '代替',
  recovery: '復旧',
};

/** One source of the Japanese name of every field: schema messages, forms and the conflict view. */
export const procedureFieldLabels = {
  title: '手順名',
  systemIds: '対象システム',
  trigger: '開始の判断',
  levels: '対象レベル',
  steps: '手順',
  residentGuidance: '住民への案内',
  paperForms: '紙の様式',
  afterRecovery: '後処理（紙の記録の入力など）',
  owner: '責任者',
  lastReviewedOn: '最終見直し日',
  version: '版',
  agreements: '合意事項',
  guidanceTranslations: '住民への案内（他の言語）',
  versionHistory: '改訂の記録',
} as const;
