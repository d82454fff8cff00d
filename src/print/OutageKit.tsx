import type { RecordOf } from '../domain/recordSchemas.ts';
import { DocumentHeader, type DocumentFact } from './DocumentHeader.tsx';
import { AgreementsPrint, ProcedurePrint } from './ProcedurePrint.tsx';
import { ContactsPrint } from './ContactsPrint.tsx';
import { LevelsPrint } from './LevelsPrint.tsx';
import { GuidancePoster, posterTranslationsOf } from './GuidancePoster.tsx';
import { IncidentSheet } from './IncidentSheet.tsx';
import { SystemFactsPrint } from './SystemFactsPrint.tsx';
import { PrintSection } from './PrintSection.tsx';
import {
  contactPrintRows,
  levelPrintRows,
  pickKitProcedure,
  procedureFacts,
} from './kitContent.ts';

export interface OutageKitProps {
  municipality: string;
  system: RecordOf<'system'>;
  procedures: readonly RecordOf<'procedure'>[];
  contacts: readonly RecordOf<'contact'>[];
  levels: readonly RecordOf<'incidentLevel'>[];
  /** The procedure chosen on the outage screen; the first by title when null or not found. */
  procedureId: string | null;
  /** Blank incident sheets at the end (0–20). */
  sheets: number;
  printedAt: Date;
}

/**
 * 障害時キット for one system, all on A4: the fallback procedure from 初動 (tick boxes, roles),
 * the paper forms and 後処理, whom to call with every number, the level guide and the agreements;
 * then the resident guidance in large type on a page of its own, ready to post at the counter
 * (with the procedure's translations beside it, four languages to a page);
 * then `sheets` blank 障害記録票. Pure: every record comes in as a prop.
 */
export function OutageKit({
  municipality,
  system,
  procedures,
  contacts,
  levels,
  procedureId,
  sheets,
  printedAt,
}: OutageKitProps) {
  const { procedure, others } = pickKitProcedure(procedures, system.id, procedureId);
  const levelRows = levelPrintRows(levels);
  const levelNames = new Map(levelRows.map((l) => [l.level, l.name]));
  const facts: DocumentFact[] = procedure ? procedureFacts(procedure) : [];
  const guidance = procedure?.residentGuidance.trim() ?? '';

  return (
    <div className="outage-kit">
      <article className="print-doc print-paper">
        <DocumentHeader
          municipality={municipality}
          subject={system.name}
          documentName="障害時キット"
          facts={facts}
          printedAt={printedAt}
        />
        <SystemFactsPrint system={system} />
        <p className="kit-note">
          印刷した時点の内容です。最新の内容は「備え」の「障害発生時」で確かめてください。
          {guidance ? '住民への案内は掲示用に別のページにあります。' : ''}
          {sheets > 0 ? `最後に白紙の障害記録票が${sheets}枚あります。` : ''}
        </p>
        {procedure ? (
          <ProcedurePrint procedure={procedure} levelNames={levelNames} />
        ) : (
          <PrintSection heading="代替手順">
            <p className="print-empty">
              このシステムの代替手順は登録されていません。障害を記録し、下の連絡先に連絡してください。
            </p>
          </PrintSection>
        )}
        {others.length ? (
          <p className="kit-note">
            このシステムのほかの代替手順: {others.map((p) => `「${p.title}」`).join('、')}
          </p>
        ) : null}
        <ContactsPrint rows={contactPrintRows(contacts, system.id)} />
        <LevelsPrint rows={levelRows} />
        {procedure ? <AgreementsPrint agreements={procedure.agreements} /> : null}
        {procedure && !guidance ? (
          <p className="kit-note">
            住民への案内は登録されていません。状況と、再開の見込みが分からないことを率直に伝えてください。
          </p>
        ) : null}
      </article>
      {guidance ? (
        <GuidancePoster
          text={guidance}
          from={[municipality, system.department].filter(Boolean).join(' ')}
          postedOn={printedAt}
          translations={procedure ? posterTranslationsOf(procedure).translations : []}
        />
      ) : null}
      {Array.from({ length: sheets }, (_, i) => (
        <IncidentSheet
          key={i}
          municipality={municipality}
          printedAt={printedAt}
          systemName={system.name}
          levels={levelRows}
        />
      ))}
    </div>
  );
}
