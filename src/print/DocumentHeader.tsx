import { formatJapaneseDateTime } from '../domain/japaneseDate.ts';
import { DrillPrintMark } from './DrillPrintMark.tsx';

export interface DocumentFact {
  label: string;
  value: string;
}

/**
 * The head of every printed document: who it belongs to (the municipality), what it is, its
 * version and last review where it has them, and when it was printed — so a sheet found in a
 * binder a year later says how old it is.
 */
export function DocumentHeader({
  municipality,
  documentName,
  subject,
  facts = [],
  printedAt,
}: {
  municipality: string;
  documentName: string;
  /** What the document is about (a system's name), printed before the document name. */
  subject?: string;
  facts?: readonly DocumentFact[];
  printedAt: Date;
}) {
  return (
    <header className="doc-header">
      <div className="doc-header-title">
        <p className="doc-municipality">{municipality}</p>
        <h1>
          {subject ? <span className="doc-subject">{subject}</span> : null}
          <span className="doc-name">{documentName}</span>
        </h1>
        {/* 「訓練用」 while a drill runs (issue 15). */}
        <DrillPrintMark />
      </div>
      <dl className="doc-facts">
        {facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
        <div>
          <dt>印刷日時</dt>
          <dd>{formatJapaneseDateTime(printedAt)}</dd>
        </div>
      </dl>
    </header>
  );
}
