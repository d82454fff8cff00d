// The names and labels of incidentLevel records, apart from the schema (incidentLevel.ts) so that screens can
// show them without zod (issue 9: first screen). incidentLevel.ts re-exports them.

/** One source of the Japanese name of every field: schema messages, forms and the conflict view. */
export const incidentLevelFieldLabels = {
  level: 'レベル',
  name: 'レベル名',
  criteria: '判断基準',
  actions: '対応内容',
  notify: '連絡先（誰に）',
  notifyWithinMinutes: '連絡の期限（分）',
  questions: '判断のための質問',
} as const;
