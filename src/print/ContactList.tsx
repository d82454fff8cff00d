import { contactFieldLabels as labels } from '../domain/contact.ts';
import { DocumentHeader, type DocumentFact } from './DocumentHeader.tsx';
import type { ContactListGroup, ContactListRow } from './contactListContent.ts';

/**
 * 「携帯（公用） 080-0000-2345」: the label may wrap in a narrow column, the number never (the
 * browser would break it after a hyphen).
 */
function PhoneCell({ numbers }: { numbers: readonly string[] }) {
  return (
    <td className="print-phones">
      {numbers.map((text) => {
        const space = text.lastIndexOf(' ');
        return (
          <span key={text}>
            {text.slice(0, space + 1)}
            <span className="contact-list-number">{text.slice(space + 1)}</span>
          </span>
        );
      })}
    </td>
  );
}

function NotesCell({ row }: { row: ContactListRow }) {
  return (
    <td className="contact-list-notes">
      {row.notes ? <span className="print-text">{row.notes}</span> : null}
      {row.deputy ? (
        <span className="print-sub">
          {labels.deputyContactId}: {row.deputy}
        </span>
      ) : null}
      {row.email ? (
        <span className="print-sub">
          {labels.email}: {row.email}
        </span>
      ) : null}
      {row.systems.length ? (
        <span className="print-sub">
          {labels.systemIds}: {row.systems.join('、')}
        </span>
      ) : null}
    </td>
  );
}

/**
 * 緊急連絡先一覧 on A4, after 様式9 of the MIC ICT-BCP guideline: one table per 区分, each row
 * 所属・名称, 担当者, the number within business hours and after hours, 受付時間, 契約番号 and
 * 備考 (職務代行, e-mail, systems). Rows never split across pages; each table's header repeats.
 * Pure: the rows come in as props.
 */
export function ContactList({
  municipality,
  subject,
  groups,
  facts,
  printedAt,
}: {
  municipality: string;
  /** The system the list is for, when filtered. */
  subject?: string | undefined;
  groups: readonly ContactListGroup[];
  facts: readonly DocumentFact[];
  printedAt: Date;
}) {
  return (
    <article className="print-doc print-paper contact-list-print">
      <DocumentHeader
        municipality={municipality}
        documentName="緊急連絡先一覧"
        {...(subject ? { subject } : {})}
        facts={facts}
        printedAt={printedAt}
      />
      <p className="kit-note">
        印刷した時点の内容です。番号が変わったときは情報システム担当に連絡し、印刷し直してください。
        受付時間外は「時間外」の番号にかけてください。
      </p>
      {groups.length === 0 ? <p className="print-empty">連絡先は登録されていません。</p> : null}
      {groups.map((group) => (
        <section
          key={group.kind}
          className="print-section"
          aria-labelledby={`contact-list-${group.kind}`}
        >
          <h2 id={`contact-list-${group.kind}`}>
            区分: {group.label}
            <small>（{group.rows.length}件）</small>
          </h2>
          <table className="print-table contact-list-table">
            <thead>
              <tr>
                <th scope="col" className="col-affiliation">
                  所属・名称
                </th>
                <th scope="col" className="col-person">
                  担当者
                </th>
                <th scope="col" className="col-phone">
                  電話（時間内）
                </th>
                <th scope="col" className="col-after">
                  電話（時間外）
                </th>
                <th scope="col" className="col-hours">
                  {labels.businessHours}
                </th>
                <th scope="col" className="col-contract">
                  契約番号
                </th>
                <th scope="col">{labels.notes}</th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.affiliation}</td>
                  <th scope="row">{row.person}</th>
                  <PhoneCell numbers={row.phones} />
                  <PhoneCell numbers={[row.afterHours]} />
                  <td>{row.hours}</td>
                  <td className="contact-list-contract">{row.contractNumber || '—'}</td>
                  <NotesCell row={row} />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  );
}
