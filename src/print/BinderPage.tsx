import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveRecords } from '../db/hooks.ts';
import type { Station } from '../domain/station.ts';
import { Binder } from './Binder.tsx';
import { BinderCopyButton } from './BinderCopyButton.tsx';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';
import { binderEntries, planBinder } from './binderPlan.ts';
import { BINDER_TOC_PARAM, parseBinderToc } from './binderToc.ts';

/**
 * /print/binder — 緊急時バインダー: every procedure with its contacts, printed by itself once the
 * records are loaded (`?auto=0` to only look at it). `?toc=3,4,…` fills in the table of
 * contents' page numbers (the second pass of `npm run print`); a value that does not fit is
 * refused on screen and the table is printed without them.
 */
export function BinderPage({ station }: { station: Station }) {
  const [search] = useSearchParams();
  const systems = useLiveRecords('system');
  const procedures = useLiveRecords('procedure');
  const contacts = useLiveRecords('contact');
  const levels = useLiveRecords('incidentLevel');
  const printedAt = usePrintedAt();
  const plan = useMemo(
    () =>
      systems && procedures && contacts && levels
        ? planBinder({ systems, procedures, contacts, levels })
        : null,
    [systems, procedures, contacts, levels],
  );
  const rawToc = search.get(BINDER_TOC_PARAM);
  const toc = plan ? parseBinderToc(rawToc, binderEntries(plan).length) : null;

  return (
    <PrintPage
      title="緊急時バインダー"
      backTo="/procedures"
      ready={plan !== null}
      footer={`${station.municipality} 緊急時バインダー`}
      printedAt={printedAt}
      tools={
        <>
          <BinderCopyButton />
          {toc?.kind === 'invalid' ? (
            <p className="print-toolbar-problem" role="alert">
              {toc.message}
            </p>
          ) : null}
        </>
      }
    >
      {plan ? (
        <Binder
          municipality={station.municipality}
          plan={plan}
          madeAt={printedAt}
          pages={toc?.kind === 'pages' ? toc.pages : null}
          variant="print"
        />
      ) : (
        <p className="print-loading" role="status">
          読み込み中…
        </p>
      )}
    </PrintPage>
  );
}
