import type { RefObject } from 'react';
import { Link } from 'react-router';
import type { ContactCsvMapping } from '../../exchange/contactCsv.ts';
import { Banner } from '../common/Banner.tsx';
import { ImportMappingStep } from './ImportMappingStep.tsx';
import { describeImportCounts, ImportPreviewStep } from './ImportPreviewStep.tsx';
import type { ImportState } from './importState.ts';

const encodingLabels = { 'utf-8': 'UTF-8', shift_jis: 'Shift_JIS' } as const;

/** The body of each step; every step but the last has 「やめる」, and nothing is written before 「取り込む」. */
export function ImportSteps({
  state,
  input,
  onFile,
  onMapping,
  onCheck,
  onConfirm,
  onCancel,
  onRestart,
}: {
  state: ImportState;
  input: RefObject<HTMLInputElement | null>;
  onFile: (file: File | undefined) => void;
  onMapping: (mapping: ContactCsvMapping) => void;
  onCheck: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onRestart: () => void;
}) {
  const cancelButton = (
    <button type="button" onClick={onCancel}>
      やめる
    </button>
  );
  switch (state.step) {
    case 'choose':
    case 'reading':
      return (
        <div className="card">
          <h2>1. ファイルを選ぶ</h2>
          <p>
            Excel で「CSV
            UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」で保存したファイルを選んでください。1行目は見出しにしてください。
            次の画面で、どの列がどの項目かを確かめます。「取り込む」を押すまで連絡先は変わりません。
          </p>
          {state.step === 'choose' && state.error ? (
            <Banner kind="error">{state.error} 連絡先は変更していません。</Banner>
          ) : null}
          <label className="file-label">
            CSVファイルを選ぶ
            <input
              ref={input}
              type="file"
              accept=".csv,text/csv"
              disabled={state.step === 'reading'}
              onChange={(e) => onFile(e.target.files?.[0])}
            />
          </label>
          {state.step === 'reading' ? <p role="status">ファイルを読み込んでいます…</p> : null}
          <div className="actions">{cancelButton}</div>
        </div>
      );
    case 'mapping':
      return (
        <div className="card">
          <h2>2. 列の対応を確かめる</h2>
          <p>
            「{state.fileName}」を {encodingLabels[state.encoding]} として読み込みました（データ{' '}
            {state.rows.length}行）。
            {state.remembered
              ? '前回この見出しのファイルで選んだ対応を表示しています。'
              : '見出しの名前から対応を推測しました。'}
            違っていれば選び直してください。
          </p>
          {state.error ? <Banner kind="error">{state.error}</Banner> : null}
          <ImportMappingStep
            header={state.header}
            sample={state.rows[0]}
            mapping={state.mapping}
            onChange={onMapping}
          />
          <p className="hint">
            {`担当するシステムと職務代行は CSV では取り込みません。すでに登録されている連絡先（氏名・窓口名と組織名が同じもの）は更新し、そのシステム・職務代行と「取り込まない」にした項目は元のまま残します。`}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={onCheck}>
              確認へ進む
            </button>
            <button type="button" onClick={onRestart}>
              別のファイルを選ぶ
            </button>
            {cancelButton}
          </div>
        </div>
      );
    case 'checking':
      return <p role="status">内容を確かめています…</p>;
    case 'preview':
    case 'importing': {
      const plan = state.plan;
      if (!plan) return null;
      const writes = plan.counts.new + plan.counts.updated;
      return (
        <div className="card">
          <h2>3. 取り込む内容を確かめる</h2>
          <p>「{state.fileName}」</p>
          <ImportPreviewStep
            plan={plan}
            refused={state.refused ?? []}
            refusedRows={(state.badRows ?? 0) + plan.skipped.length}
          />
          {writes === 0 ? (
            <Banner kind="info">取り込む変更はありません。連絡先はいまのままです。</Banner>
          ) : (
            <p className="hint">
              「取り込む」を押すと、{writes}件をまとめて保存し、操作履歴に残します。
            </p>
          )}
          <div className="actions">
            {writes > 0 ? (
              <button
                type="button"
                className="primary"
                disabled={state.step === 'importing'}
                onClick={onConfirm}
              >
                {state.step === 'importing' ? '取り込み中…' : '取り込む'}
              </button>
            ) : null}
            <button type="button" onClick={onRestart} disabled={state.step === 'importing'}>
              別のファイルを選ぶ
            </button>
            {cancelButton}
          </div>
        </div>
      );
    }
    case 'done':
      return (
        <>
          <Banner kind="success">
            「{state.fileName}」を取り込みました: {describeImportCounts(state.plan, state.refused)}
          </Banner>
          <div className="actions">
            <Link className="button primary" to="/contacts">
              連絡先の一覧へ
            </Link>
            <button type="button" onClick={onRestart}>
              別のファイルを取り込む
            </button>
          </div>
        </>
      );
    case 'failed':
      return (
        <>
          <Banner kind="error">{state.message}</Banner>
          <div className="actions">
            <button type="button" onClick={onRestart}>
              最初からやり直す
            </button>
            {cancelButton}
          </div>
        </>
      );
  }
}
