import type { ReactNode } from 'react';
import {
  contactMethodLabels,
  contactMethods,
  impactScopeLabels,
  impactScopes,
  incidentFieldLabels as labels,
} from '../domain/incident.ts';
import { formatJapaneseDateTime, japaneseEraName } from '../domain/japaneseDate.ts';
import { TickBox } from './ProcedurePrint.tsx';

/** A level as the sheet offers it to tick. */
export interface SheetLevel {
  level: number;
  name: string;
}

/** Rows for 試したことと結果 and for 連絡の記録: enough for a first hour by hand. */
const ATTEMPT_ROWS = 3;
const CALL_ROWS = 3;

function Box({
  label,
  hint,
  className,
  children,
}: {
  label: string;
  hint?: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`sheet-box${className ? ` ${className}` : ''}`}>
      <span className="sheet-label">
        {label}
        {hint ? <small>{hint}</small> : null}
      </span>
      {children}
    </div>
  );
}

/** 「令和 _ 年 _ 月 _ 日（_）_ 時 _ 分」, with room to write each figure. */
function DateTimeBlanks({ era }: { era: string }) {
  return (
    <span className="sheet-datetime">
      {era}
      <i />年<i />月<i />
      日（
      <i className="narrow" />）<i />時<i />分
    </span>
  );
}

/**
 * 障害記録票: one blank A4 sheet to fill in by hand when the PC is no help, with every field seed
 * 000 asks for, in the order of the incident form (件名, システム, 発生・検知日時, レベル, 影響範囲,
 * 報告者・部署・端末, 画面, 操作内容, 症状, エラーメッセージ, ほかに影響を受けている人, 住民への影響,
 * 試したことと結果, 連絡の記録), so the paper can be typed back in top to bottom.
 */
export function IncidentSheet({
  municipality,
  printedAt,
  systemName = '',
  levels,
}: {
  municipality: string;
  printedAt: Date;
  /** Printed in the システム box when the sheet comes with a system's kit. */
  systemName?: string;
  levels: readonly SheetLevel[];
}) {
  const era = japaneseEraName(printedAt);
  return (
    <section className="incident-sheet print-paper" aria-label="障害記録票">
      <header className="sheet-header">
        <div>
          <p className="doc-municipality">{municipality}</p>
          <h2 className="sheet-title">障害記録票</h2>
        </div>
        <p className="sheet-note">
          手書き用。あとで「備え」の障害記録に、上から順に入力します。
          <br />
          分からない欄は空けておき、分かったら書き足してください。
        </p>
        <p className="sheet-printed">印刷日時 {formatJapaneseDateTime(printedAt)}</p>
      </header>

      <div className="sheet-row">
        <Box label={labels.title} hint="何が起きたかを一言で" className="w-4" />
        <Box label={labels.systemId} className="w-2">
          {systemName ? <span className="sheet-prefilled">{systemName}</span> : null}
        </Box>
      </div>
      <div className="sheet-row">
        <Box label={labels.occurredAt} hint="おかしくなった時刻" className="w-3">
          <DateTimeBlanks era={era} />
        </Box>
        <Box label={labels.detectedAt} hint="気づいた時刻" className="w-3">
          <DateTimeBlanks era={era} />
        </Box>
      </div>
      <div className="sheet-row">
        <Box label={labels.level} hint="迷うときは高いほう" className="w-3">
          <span className="sheet-choices">
            {levels.length === 0 ? (
              <span>
                レベル（
                <i className="sheet-blank" />）
              </span>
            ) : (
              levels.map((l) => (
                <span key={l.level}>
                  <TickBox />
                  {l.level} {l.name}
                </span>
              ))
            )}
          </span>
        </Box>
        <Box label={labels.scope} className="w-3">
          <span className="sheet-choices">
            {impactScopes.map((scope) => (
              <span key={scope}>
                <TickBox />
                {impactScopeLabels[scope]}
              </span>
            ))}
          </span>
        </Box>
      </div>
      <div className="sheet-row">
        <Box label={`${labels.reporterName}（記入者）`} className="w-2" />
        <Box label={labels.department} className="w-2" />
        <Box label={`${labels.terminal}・場所`} hint="例: 窓口PC-01" className="w-2" />
      </div>
      <div className="sheet-row">
        <Box label={labels.screen} hint="画面の名前やタイトル" className="w-6">
          <span className="sheet-aside">
            <TickBox />
            画面の写真を撮った
          </span>
        </Box>
      </div>
      <div className="sheet-row sheet-row-tall">
        <Box label={labels.operation} hint="何をしたときに起きたか" className="w-6" />
      </div>
      <div className="sheet-row sheet-row-grow">
        <Box label={labels.symptoms} hint="見たままを具体的に" className="w-6" />
      </div>
      <div className="sheet-row sheet-row-grow">
        <Box
          label={labels.errorMessage}
          hint="表示された文字とコードを一字一句そのまま"
          className="w-6"
        />
      </div>
      <div className="sheet-row sheet-row-tall">
        <Box label={labels.othersAffected} hint="同じ症状の職員・端末" className="w-3" />
        <Box label={labels.residentImpact} hint="待っている人数など" className="w-3" />
      </div>

      <table className="sheet-table">
        <caption>{labels.attempts}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-time">
              時刻
            </th>
            <th scope="col">試したこと</th>
            <th scope="col">結果</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: ATTEMPT_ROWS }, (_, i) => (
            <tr key={i}>
              <td>：</td>
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <table className="sheet-table">
        <caption>{labels.contactsMade}（連絡先と連絡時刻）</caption>
        <thead>
          <tr>
            <th scope="col" className="col-time">
              時刻
            </th>
            <th scope="col" className="col-who">
              連絡した相手
            </th>
            <th scope="col" className="col-method">
              方法
            </th>
            <th scope="col">伝えた内容・回答</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: CALL_ROWS }, (_, i) => (
            <tr key={i}>
              <td>：</td>
              <td />
              <td className="sheet-methods">
                {contactMethods
                  .filter((m) => m !== 'other')
                  .map((m) => (
                    <span key={m}>
                      <TickBox />
                      {contactMethodLabels[m]}
                    </span>
                  ))}
              </td>
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sheet-footer">
        <span>
          <TickBox />
          「備え」に入力済み
        </span>
        <span>
          入力日
          <i className="sheet-blank" />月<i className="sheet-blank" />日
        </span>
        <span>入力者</span>
      </p>
    </section>
  );
}
