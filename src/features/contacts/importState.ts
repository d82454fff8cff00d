import type {
  ContactImportNote,
  ContactImportPlan,
  ContactImportRow,
} from '../../db/contactImport.ts';
import type { ContactCsvField, ContactCsvMapping } from '../../exchange/contactCsv.ts';
import type { CsvRow } from '../../exchange/csv.ts';

// The steps of 「CSVから取り込む」, shared by the page (which moves between them) and the view.

export interface CsvFile {
  fileName: string;
  encoding: 'utf-8' | 'shift_jis';
  header: string[];
  rows: CsvRow[];
}

export interface Checked {
  valid: ContactImportRow[];
  /** Why rows are left out, by line (a row may have several reasons). */
  refused: ContactImportNote[];
  /** Rows refused by their own checks, before the plan. */
  badRows: number;
  mappedFields: ContactCsvField[];
  plan: ContactImportPlan;
}

/** After 「確認へ進む」: the plan is missing only while 'checking'. */
export type CheckedState = {
  step: 'checking' | 'preview' | 'importing';
  mapping: ContactCsvMapping;
} & CsvFile &
  Partial<Checked>;

export type ImportState =
  | { step: 'choose'; error: string | null }
  | { step: 'reading' }
  | ({
      step: 'mapping';
      mapping: ContactCsvMapping;
      remembered: boolean;
      error: string | null;
    } & CsvFile)
  | CheckedState
  | { step: 'done'; fileName: string; plan: ContactImportPlan; refused: number }
  | { step: 'failed'; message: string };
