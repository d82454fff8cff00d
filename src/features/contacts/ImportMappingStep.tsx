import {
  contactCsvColumns,
  type ContactCsvField,
  type ContactCsvMapping,
} from '../../exchange/contactCsv.ts';
import type { CsvRow } from '../../exchange/csv.ts';

const fields = Object.keys(contactCsvColumns) as ContactCsvField[];

/** Step 2 of the import: which CSV column holds which contact field, with the first row as a sample. */
export function ImportMappingStep({
  header,
  sample,
  mapping,
  onChange,
}: {
  header: readonly string[];
  sample: CsvRow | undefined;
  mapping: ContactCsvMapping;
  onChange: (next: ContactCsvMapping) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="table mapping-table">
        <caption className="visually-hidden">列の対応</caption>
        <thead>
          <tr>
            <th scope="col">連絡先の項目</th>
            <th scope="col">CSVの列</th>
            <th scope="col">1件目の値</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const index = mapping[field];
            const label = contactCsvColumns[field];
            return (
              <tr key={field}>
                <th scope="row">
                  <label htmlFor={`mapping-${field}`}>{label}</label>
                  {field === 'name' ? <span className="required">（必須）</span> : null}
                </th>
                <td>
                  <select
                    id={`mapping-${field}`}
                    value={index === null ? '' : String(index)}
                    onChange={(e) =>
                      onChange({
                        ...mapping,
                        [field]: e.target.value === '' ? null : Number(e.target.value),
                      })
                    }
                  >
                    <option value="">（取り込まない）</option>
                    {header.map((name, i) => (
                      <option key={i} value={String(i)}>
                        {name}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="sample">{index === null ? '' : (sample?.cells[index] ?? '')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
