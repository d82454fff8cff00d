import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { recordDataRelease } from '../db/dataRelease.ts';

// Prints of documents that name people are 持ち出し (PRODUCT.md decision 4): paper leaves the PC
// as surely as a file. The blank incident sheet and the monthly report name nobody.

/** Print routes whose documents hold personal data: names, phone numbers, reporters. */
const PERSONAL_DATA_ROUTES = [
  '/print/contacts', // 緊急連絡先一覧
  '/print/wallet-card', // 携帯用緊急連絡先カード
  '/print/incident-report/', // 障害報告書 (reporter, contacts made)
  '/print/outage-kit/', // 障害時キット (whom to call, with both numbers)
  '/print/binder', // 緊急時バインダー
  '/print/drill-report/', // 訓練実施報告書 (participants, contacts called)
  '/print/report-memo/', // 報告メモ (reporter, terminal, the desk's contract number)
] as const;

/** True when the print route at `pathname` prints personal data. */
export function holdsPersonalData(pathname: string): boolean {
  return PERSONAL_DATA_ROUTES.some((route) =>
    route.endsWith('/') ? pathname.startsWith(route) : pathname === route,
  );
}

/**
 * Records each print of this page's document in the 持ち出し記録, when the route holds personal
 * data. The trigger is the browser's `beforeprint`, which fires for our 印刷 button, the automatic
 * print and Ctrl+P alike, and only when printing really starts: a page opened with `?auto=0` and
 * only looked at records nothing. One entry per print: a second `beforeprint` before `afterprint`
 * is the same print. (The browser does not tell whether the dialog was then cancelled.)
 */
export function usePrintRelease(documentName: string): void {
  const { pathname } = useLocation();
  const isPersonal = holdsPersonalData(pathname);
  const name = useRef(documentName);
  useEffect(() => {
    name.current = documentName;
  }, [documentName]);
  useEffect(() => {
    if (!isPersonal) return;
    let isPrinting = false;
    const onBeforePrint = () => {
      if (isPrinting) return;
      isPrinting = true;
      void recordDataRelease({ kind: 'print', name: name.current });
    };
    const onAfterPrint = () => {
      isPrinting = false;
    };
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    };
  }, [isPersonal]);
}
