// The routes of the report layouts (障害報告書, 緊急連絡先一覧, 携帯用カード), for the screens' 印刷
// buttons. Kept beside printOptions.ts (the kit's and the blank sheet's) until the two are merged.

/** The 障害報告書 of one recorded incident. */
export function incidentReportPath(incidentId: string): string {
  return `/print/incident-report/${encodeURIComponent(incidentId)}`;
}

/** 緊急連絡先一覧: every contact, or only those covering one system. */
export function contactListPrintPath(systemId?: string): string {
  return systemId ? `/print/contacts?system=${encodeURIComponent(systemId)}` : '/print/contacts';
}

/** The folding wallet card with the most important numbers. */
export function walletCardPath(): string {
  return '/print/wallet-card';
}
