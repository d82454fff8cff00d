import type { ProcedurePhase } from '../../domain/procedure.ts';

/** What each phase of 様式10 is for, in the words a counter clerk uses. */
export const phaseHints: Record<ProcedurePhase, string> = {
  initial: '止まったと気づいてすぐにすること（記録・報告・連絡・住民への案内）',
  fallback: 'システムが使えない間、紙などで業務を続けるやり方',
  recovery: 'システムが戻ったあと、元の運用に戻すためにすること',
};
