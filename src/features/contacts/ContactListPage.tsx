import { useMemo } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useUrlFilterState } from '../common/useUrlFilterState.ts';
import { useLiveRecords } from '../../db/hooks.ts';
import { contactFieldLabels, contactKindLabels } from '../../domain/contact.ts';
import type { RecordOf } from '../../domain/recordSchemas.ts';
import { contactAvailabilityAt, describeAvailability } from '../../domain/businessHours.ts';
import { matchesAllTerms } from '../../domain/text.ts';
import { pickData } from '../../domain/recordMeta.ts';
import { contactsToCsv } from '../../exchange/contactCsv.ts';
import { Banner } from '../common/Banner.tsx';
import { usePageTitle } from '../common/usePageTitle.ts';
import { useNow } from '../common/useNow.ts';
import { useClosureDays } from '../common/useClosureDays.ts';
import { ReadOnlyNotice, useCanEditMasterData } from '../common/masterDataAccess.tsx';
import { AvailabilityBadge } from './AvailabilityBadge.tsx';
import { CsvExportButton } from './CsvExportButton.tsx';
import { contactSearchText, datedFileName, telHref } from './contactText.ts';
import { contactListPrintPath, walletCardPath } from '../../print/reportPaths.ts';
import './contacts.css';

type Contact = RecordOf<'contact'>;
const NO_ORGANIZATION = '（組織名なし）';

/** Contacts by organisation, organisations in Japanese order and the nameless group last. */
function groupByOrganization(contacts: readonly Contact[]): [string, Contact[]][] {
  const groups = new Map<string, Contact[]>();
  for (const contact of contacts) {
    const key = contact.organization.trim();
    groups.set(key, [...(groups.get(key) ?? []), contact]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'ja')))
    .map(([key, list]) => [key, list.sort((a, b) => a.name.localeCompare(b.name, 'ja'))]);
}

/** 連絡先: the official contact list (様式9), grouped by organisation, with who answers now. */
const NO_QUERY = { q: '' };
const queryFrom = (params: URLSearchParams) => ({ q: params.get('q') ?? '' });
const queryTo = ({ q }: { q: string }) => new URLSearchParams(q ? { q } : {});

export function ContactListPage() {
  usePageTitle('連絡先');
  const contacts = useLiveRecords('contact');
  const canEdit = useCanEditMasterData();
  const now = useNow();
  const closures = useClosureDays();
  const location = useLocation();
  const navigate = useNavigate();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  // The box owns its text and the URL follows, so no key press is lost (issue 9).
  const { filter, shown, update } = useUrlFilterState(queryFrom, queryTo, NO_QUERY);
  const query = shown.q;

  const searchTexts = useMemo(
    () => new Map((contacts ?? []).map((c) => [c.id, contactSearchText(c)])),
    [contacts],
  );
  const visible = useMemo(
    () => (contacts ?? []).filter((c) => matchesAllTerms(searchTexts.get(c.id) ?? '', query)),
    [contacts, searchTexts, query],
  );
  const groups = useMemo(() => groupByOrganization(visible), [visible]);
  const isFiltered = query.trim() !== '';

  const setQuery = (text: string) => update({ q: text });

  return (
    <section className="contact-list-page">
      <div className="page-heading">
        <h1>連絡先</h1>
        <div className="actions heading-actions">
          {canEdit ? (
            <>
              <Link className="button primary" to="/contacts/new">
                新規登録
              </Link>
              <Link className="button" to="/contacts/import">
                CSVから取り込む
              </Link>
            </>
          ) : null}
          <CsvExportButton
            what={`連絡先 ${contacts?.length ?? 0}件`}
            count={contacts?.length ?? 0}
            personalData="氏名・電話番号・メールアドレス"
            fileName={() => datedFileName('連絡先', new Date())}
            makeCsv={() => contactsToCsv((contacts ?? []).map((c) => pickData(c)))}
            disabled={!contacts?.length}
          />
          <button
            type="button"
            onClick={() => navigate(contactListPrintPath())}
            disabled={!contacts?.length}
          >
            連絡先一覧を印刷
          </button>
          <button
            type="button"
            onClick={() => navigate(walletCardPath())}
            disabled={!contacts?.length}
          >
            携帯用カードを印刷
          </button>
        </div>
      </div>
      {canEdit === false ? <ReadOnlyNotice what="連絡先" /> : null}
      {deleted ? <Banner kind="success">{deleted}</Banner> : null}
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="filter-text">
          キーワード
          <input
            type="search"
            value={filter.q}
            placeholder="氏名・組織名・電話番号・契約番号など"
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
      </form>
      <p className="result-count" role="status" aria-live="polite">
        {contacts === undefined
          ? '読み込み中…'
          : isFiltered
            ? `${visible.length}件（全${contacts.length}件中）`
            : `${visible.length}件`}
      </p>
      {contacts === undefined ? null : contacts.length === 0 ? (
        <p className="empty">
          {canEdit
            ? 'まだ連絡先が登録されていません。「新規登録」から1件ずつ登録するか、Excel の連絡先一覧があれば CSV で保存して「CSVから取り込む」で読み込めます。'
            : 'まだ連絡先がありません。情報システム担当から届いたファイルを「データ交換」で取り込むと表示されます。'}
        </p>
      ) : visible.length === 0 ? (
        <p className="empty">条件に合う連絡先はありません。</p>
      ) : (
        groups.map(([organization, list]) => (
          <section
            key={organization}
            className="contact-group"
            aria-label={organization || NO_ORGANIZATION}
          >
            <h2>
              {organization || NO_ORGANIZATION}
              <span className="group-count">（{list.length}件）</span>
            </h2>
            <div className="table-scroll">
              <table className="table contact-table">
                <thead>
                  <tr>
                    <th scope="col">{contactFieldLabels.name}</th>
                    <th scope="col">
                      {contactFieldLabels.department}・{contactFieldLabels.role}
                    </th>
                    <th scope="col">{contactFieldLabels.kind}</th>
                    <th scope="col">いまかける番号</th>
                    <th scope="col">受付状況</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((contact) => {
                    const availability = contactAvailabilityAt(contact, now, closures);
                    const until = describeAvailability(contact.businessHours, now, closures);
                    return (
                      <tr key={contact.id}>
                        <th scope="row">
                          <Link to={`/contacts/${contact.id}`}>{contact.name}</Link>
                        </th>
                        <td>
                          {[contact.department, contact.role].filter(Boolean).join('・') || '—'}
                        </td>
                        <td>{contactKindLabels[contact.kind]}</td>
                        <td>
                          {availability.callNumber ? (
                            <a
                              className="phone-link"
                              href={telHref(availability.callNumber.number)}
                            >
                              {availability.callNumber.number}
                            </a>
                          ) : (
                            <span className="hint">{availability.note}</span>
                          )}
                          {availability.callNumber?.label ? (
                            <span className="phone-label">（{availability.callNumber.label}）</span>
                          ) : null}
                        </td>
                        <td>
                          <AvailabilityBadge availability={availability} />
                          {until ? <span className="until">{until}</span> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </section>
  );
}
