import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { applyContactImport, previewContactImport } from '../../db/contactImport.ts';
import { describeStorageError } from '../../db/errors.ts';
import { applyContactMapping, type ContactCsvField } from '../../exchange/contactCsv.ts';
import { decodeCsvBytes, describeCsvError, MAX_CSV_BYTES, parseCsv } from '../../exchange/csv.ts';
import { readFileBytes } from '../exchange/download.ts';
import { usePageTitle } from '../common/usePageTitle.ts';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { initialMapping, rememberMapping } from './csvMappingMemory.ts';
import { ImportSteps } from './ImportSteps.tsx';
import type { CheckedState, ImportState } from './importState.ts';
import './contacts.css';

/** CSVから取り込む: file → column mapping → preview → one confirmed, audited write. */
export function ContactImportPage() {
  usePageTitle('連絡先の取り込み');
  const canEdit = useCanEditMasterData();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ step: 'choose', error: null });

  async function read(file: File | undefined) {
    if (!file) return;
    if (input.current) input.current.value = '';
    // Checked before reading, so a wrong multi-gigabyte file is never loaded into memory.
    if (file.size > MAX_CSV_BYTES) {
      const error = describeCsvError({
        kind: 'tooLarge',
        size: file.size,
        maxBytes: MAX_CSV_BYTES,
      });
      setState({ step: 'choose', error });
      return;
    }
    setState({ step: 'reading' });
    try {
      const decoded = decodeCsvBytes(await readFileBytes(file));
      if (!decoded.ok) return setState({ step: 'choose', error: describeCsvError(decoded.error) });
      const parsed = parseCsv(decoded.text);
      if (!parsed.ok) return setState({ step: 'choose', error: describeCsvError(parsed.error) });
      const { mapping, remembered } = initialMapping(parsed.header);
      setState({
        step: 'mapping',
        fileName: file.name,
        encoding: decoded.encoding,
        header: parsed.header,
        rows: parsed.rows,
        mapping,
        remembered,
        error: null,
      });
    } catch {
      // The file vanished or is locked (e.g. still open in Excel on a shared drive).
      setState({
        step: 'choose',
        error:
          'ファイルを読み込めませんでした。Excel などで開いたままになっていないか確かめて、もう一度選んでください。',
      });
    }
  }

  async function check(current: Extract<ImportState, { step: 'mapping' }>) {
    const result = applyContactMapping(current.rows, current.mapping);
    if (!result.ok) return setState({ ...current, error: describeCsvError(result.error) });
    rememberMapping(current.header, current.mapping);
    const { remembered: _r, error: _e, ...file } = current;
    setState({ ...file, step: 'checking' });
    const valid = result.rows.flatMap((r) => (r.data ? [{ line: r.line, data: r.data }] : []));
    const refusedByRow = result.rows.flatMap((r) =>
      r.data ? [] : r.errors.map((message) => ({ line: r.line, message })),
    );
    const badRows = result.rows.filter((r) => !r.data).length;
    const mappedFields = (Object.keys(current.mapping) as ContactCsvField[]).filter(
      (field) => current.mapping[field] !== null,
    );
    try {
      const plan = await previewContactImport(valid, mappedFields);
      const refused = [...refusedByRow, ...plan.skipped].sort((a, b) => a.line - b.line);
      setState({ ...file, step: 'preview', valid, refused, badRows, mappedFields, plan });
    } catch (error) {
      setState({ step: 'failed', message: describeStorageError(error) });
    }
  }

  async function confirm(current: CheckedState) {
    const { valid, mappedFields, badRows = 0 } = current;
    if (!valid || !mappedFields) return;
    setState({ ...current, step: 'importing' });
    try {
      // The plan is made again inside the transaction, against what is stored at that moment.
      const { plan } = await applyContactImport(current.fileName, valid, mappedFields, badRows);
      setState({
        step: 'done',
        fileName: current.fileName,
        plan,
        refused: badRows + plan.skipped.length,
      });
    } catch (error) {
      setState({
        step: 'failed',
        message: `${describeStorageError(error)} 連絡先は変更していません。`,
      });
    }
  }

  const cancel = () => navigate('/contacts');
  const restart = () => setState({ step: 'choose', error: null });

  if (canEdit === undefined) return <p role="status">読み込み中…</p>;
  return (
    <section className="contact-import">
      <p>
        <Link to="/contacts">← 連絡先の一覧</Link>
      </p>
      <h1>連絡先をCSVから取り込む</h1>
      {canEdit === false ? (
        <ReadOnlyNotice what="連絡先" />
      ) : (
        <ImportSteps
          state={state}
          input={input}
          onFile={(file) => void read(file)}
          onMapping={(mapping) =>
            state.step === 'mapping' && setState({ ...state, mapping, error: null })
          }
          onCheck={() => state.step === 'mapping' && void check(state)}
          onConfirm={() => state.step === 'preview' && void confirm(state)}
          onCancel={cancel}
          onRestart={restart}
        />
      )}
    </section>
  );
}
