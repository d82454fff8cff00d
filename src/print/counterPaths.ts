// The routes of the counter aids (issue 17): the 報告メモ screen and print, and the multilingual
// guidance poster. Kept apart from the pages so a screen's 印刷 button loads no print code.

/** The 報告メモ screen of one incident; `desk` picks the contact it is addressed to. */
export function reportMemoPath(incidentId: string): string {
  return `/incidents/${encodeURIComponent(incidentId)}/memo`;
}

/** The 報告メモ on one A4 page. */
export function reportMemoPrintPath(incidentId: string, deskId?: string | null): string {
  const path = `/print/report-memo/${encodeURIComponent(incidentId)}`;
  return deskId ? `${path}?desk=${encodeURIComponent(deskId)}` : path;
}

/** The counter poster of a procedure's guidance in the chosen languages (Japanese always first). */
export function guidancePosterPath(procedureId: string, langs: readonly string[]): string {
  const path = `/print/guidance-poster/${encodeURIComponent(procedureId)}`;
  return langs.length ? `${path}?lang=${langs.map(encodeURIComponent).join(',')}` : path;
}
