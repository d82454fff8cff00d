import { contactFieldLabels } from '../domain/contact.ts';
import type { ContactPrintRow } from './kitContent.ts';
import { PrintSection } from './PrintSection.tsx';

/**
 * Whom to call, in order, with every number: within business hours and after hours, the deputy
 * (職務代行) and the contract number to quote. A row never splits across pages.
 */
export function ContactsPrint({ rows }: { rows: readonly ContactPrintRow[] }) {
  return (
    <PrintSection heading="連絡先（連絡する順）">
      {rows.length === 0 ? (
        <p className="print-empty">
          このシステムの連絡先は登録されていません。情報システム担当に確認してください。
        </p>
      ) : (
        <table className="print-table print-contacts">
          <thead>
            <tr>
              <th scope="col" className="col-order">
                順
              </th>
              <th scope="col">連絡先</th>
              <th scope="col" className="col-hours">
                {contactFieldLabels.businessHours}
              </th>
              <th scope="col" className="col-phone">
                受付時間内
              </th>
              <th scope="col" className="col-phone">
                時間外
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="col-order">{row.order}</td>
                <td>
                  <strong>{row.name}</strong>
                  {row.detail ? <span className="print-sub">{row.detail}</span> : null}
                  {row.deputy ? (
                    <span className="print-sub">
                      {contactFieldLabels.deputyContactId}: {row.deputy}
                    </span>
                  ) : null}
                  {row.contractNumber ? (
                    <span className="print-sub">
                      {contactFieldLabels.contractNumber}: <strong>{row.contractNumber}</strong>
                    </span>
                  ) : null}
                  {row.notes ? <span className="print-sub print-text">{row.notes}</span> : null}
                </td>
                <td>{row.hours}</td>
                <td className="print-phones">
                  {row.phones.map((phone) => (
                    <span key={phone}>{phone}</span>
                  ))}
                </td>
                <td className="print-phones">{row.afterHours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PrintSection>
  );
}
