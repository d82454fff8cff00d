import { useParams, useSearchParams } from 'react-router';
import { useLiveRecord, useLiveRecords } from '../db/hooks.ts';
import type { Station } from '../domain/station.ts';
import { RecordNotFound } from '../features/common/RecordNotFound.tsx';
import { GuidancePoster, posterTranslationsOf } from './GuidancePoster.tsx';
import { PrintPage, usePrintedAt } from './PrintPage.tsx';

/** `?lang=en,zh-CN`: the languages asked for, in that order, Japanese left out (always first). */
export function posterLanguagesOf(search: URLSearchParams): string[] {
  const raw = search.get('lang') ?? '';
  return [...new Set(raw.split(',').map((s) => s.trim()))].filter((s) => s && s !== 'ja');
}

/**
 * /print/guidance-poster/:procedureId?lang=en,zh-CN,ko — a procedure's 住民への案内 as the counter
 * poster, Japanese and the chosen languages side by side (four to a page). A chosen language
 * without a translation is left off and the toolbar says so (a block repeating the Japanese would
 * only mislead). Without `lang`, every translation the procedure has.
 */
export function GuidancePosterPage({ station }: { station: Station }) {
  const { procedureId = '' } = useParams();
  const [search] = useSearchParams();
  const procedure = useLiveRecord('procedure', procedureId);
  const systems = useLiveRecords('system');
  const printedAt = usePrintedAt();
  const { translations, missing } = procedure
    ? posterTranslationsOf(procedure, posterLanguagesOf(search))
    : { translations: [], missing: [] };
  const system = systems?.find((s) => procedure?.systemIds.includes(s.id));
  const name = procedure ? `住民への案内「${procedure.title}」` : '住民への案内';

  return (
    <PrintPage
      title={name}
      backTo={`/procedures/${encodeURIComponent(procedureId)}`}
      ready={Boolean(procedure) && systems !== undefined}
      footer={`${station.municipality} ${name}`}
      printedAt={printedAt}
      tools={
        missing.length ? (
          <p className="print-toolbar-problem" role="status">
            {missing.join('・')}の案内がないため、載せていません。
          </p>
        ) : null
      }
    >
      {procedure === null ? (
        <div className="print-paper">
          <RecordNotFound what="この代替手順" backTo="/procedures" />
        </div>
      ) : procedure && systems ? (
        procedure.residentGuidance.trim() ? (
          <GuidancePoster
            text={procedure.residentGuidance}
            from={[station.municipality, system?.department ?? station.department]
              .filter(Boolean)
              .join(' ')}
            postedOn={printedAt}
            translations={translations}
          />
        ) : (
          <div className="print-paper">
            <p>この代替手順には住民への案内（日本語）がまだ書かれていません。</p>
          </div>
        )
      ) : (
        <p className="print-loading" role="status">
          読み込み中…
        </p>
      )}
    </PrintPage>
  );
}
