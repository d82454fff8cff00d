import { formatJapaneseDateTime } from '../domain/japaneseDate.ts';
import { procedureFieldLabels } from '../domain/procedure.ts';
import { AgreementsPrint, ProcedurePrint } from './ProcedurePrint.tsx';
import { ContactsPrint } from './ContactsPrint.tsx';
import { LevelsPrint } from './LevelsPrint.tsx';
import { SystemFactsPrint } from './SystemFactsPrint.tsx';
import { BinderContents } from './BinderContents.tsx';
import { procedureFacts } from './kitContent.ts';
import {
  chapterHeading,
  LEVELS_CHAPTER_TITLE,
  procedureHeading,
  type BinderPlan,
  type BinderProcedure,
  type BinderSystemChapter,
  type BinderVariant,
} from './binderPlan.ts';

export interface BinderProps {
  municipality: string;
  plan: BinderPlan;
  /** When the binder was made: printed, or the copy saved. */
  madeAt: Date;
  /** The first page of every entry (`binderEntries` order); null leaves them out. */
  pages: readonly number[] | null;
  variant: BinderVariant;
}

/** 「この写しは … 時点の内容です。最新とは限りません。」: how old the read-only copy is. */
export function staleNotice(madeAt: Date): string {
  return `この写しは ${formatJapaneseDateTime(madeAt)} 時点の内容です。最新とは限りません。`;
}

/**
 * 緊急時バインダー: a cover, the table of contents, one chapter per system with a procedure (its
 * procedures, resident guidance, agreements, whom to call), then the level guide. Each chapter
 * starts on a new page and names the municipality and date, so a page taken out of the binder
 * still says what it is. Pure: everything comes in as props.
 */
export function Binder({ municipality, plan, madeAt, pages, variant }: BinderProps) {
  const levelNames = new Map(plan.levels.rows.map((l) => [l.level, l.name]));
  const head = { municipality, madeAt, variant };
  return (
    <div className={`binder binder-${variant}`}>
      <section className="binder-cover print-paper" aria-label="表紙">
        {variant === 'copy' ? (
          <p className="binder-stale" role="note">
            <strong>{staleNotice(madeAt)}</strong>
            「備え」が使えるときは、備えで最新の内容を確かめてください。
          </p>
        ) : null}
        <p className="binder-cover-municipality">{municipality}</p>
        <h1 className="binder-cover-title">緊急時バインダー</h1>
        <p className="binder-cover-subtitle">システムが止まったときの代替手順と連絡先</p>
        <dl className="binder-cover-facts">
          <div>
            <dt>作成日時</dt>
            <dd>{formatJapaneseDateTime(madeAt)}</dd>
          </div>
          <div>
            <dt>収録</dt>
            <dd>
              システム{plan.chapters.length}件・代替手順{plan.procedureCount}件
            </dd>
          </div>
        </dl>
        <div className="binder-howto">
          <h2>使い方</h2>
          <p>
            止まったシステムの章を目次で探し、代替手順を「初動」から順に進めます。済んだ手順は☐に印を付けてください。
          </p>
          <p>
            連絡先は各章の終わりに、障害レベルの目安は最後の章にあります。内容が変わったら作り直して差し替えてください。
          </p>
        </div>
      </section>
      <BinderContents plan={plan} pages={pages} variant={variant} />
      {plan.chapters.map((chapter) => (
        <SystemChapter key={chapter.anchor} chapter={chapter} levelNames={levelNames} {...head} />
      ))}
      <section
        className="binder-chapter print-paper"
        id={plan.levels.anchor}
        aria-labelledby={`${plan.levels.anchor}-title`}
        data-binder-marker={chapterHeading(plan.levels.number, LEVELS_CHAPTER_TITLE)}
      >
        <ChapterHead
          {...head}
          id={`${plan.levels.anchor}-title`}
          title={chapterHeading(plan.levels.number, LEVELS_CHAPTER_TITLE)}
        />
        <LevelsPrint rows={plan.levels.rows} />
      </section>
    </div>
  );
}

interface HeadProps {
  municipality: string;
  madeAt: Date;
  variant: BinderVariant;
}

/** The top of a chapter's first page: whose binder, when, and the chapter's title. */
function ChapterHead({
  municipality,
  madeAt,
  variant,
  id,
  title,
}: HeadProps & { id: string; title: string }) {
  return (
    <header className="binder-chapter-head">
      <p className="binder-running">
        <span>{municipality} 緊急時バインダー</span>
        {variant === 'copy' ? (
          <a className="binder-copy-only" href="#binder-toc">
            目次へ戻る
          </a>
        ) : null}
        <span>
          {variant === 'copy' ? '作成日時' : '印刷日時'} {formatJapaneseDateTime(madeAt)}
        </span>
      </p>
      {/* Nothing beside the title: the PDF's text must hold it in one piece to be found. */}
      <h1 className="binder-chapter-title" id={id}>
        {title}
      </h1>
    </header>
  );
}

function SystemChapter({
  chapter,
  levelNames,
  ...head
}: HeadProps & { chapter: BinderSystemChapter; levelNames: ReadonlyMap<number, string> }) {
  const title = chapterHeading(chapter.number, chapter.system.name);
  return (
    <section
      className="binder-chapter print-paper"
      id={chapter.anchor}
      aria-labelledby={`${chapter.anchor}-title`}
      data-binder-marker={title}
    >
      <ChapterHead {...head} id={`${chapter.anchor}-title`} title={title} />
      <SystemFactsPrint system={chapter.system} />
      {chapter.procedures.map((entry) => (
        <BinderProcedureView key={entry.anchor} entry={entry} levelNames={levelNames} />
      ))}
      {chapter.printedEarlier.map((earlier) => (
        <p key={earlier.anchor} className="kit-note binder-see">
          このシステムの代替手順「{earlier.title}」は、
          {head.variant === 'copy' ? (
            <a href={`#${earlier.anchor}`}>第{earlier.chapter}章</a>
          ) : (
            `第${earlier.chapter}章`
          )}
          にあります。
        </p>
      ))}
      <ContactsPrint rows={chapter.contacts} />
    </section>
  );
}

function BinderProcedureView({
  entry,
  levelNames,
}: {
  entry: BinderProcedure;
  levelNames: ReadonlyMap<number, string>;
}) {
  const { procedure } = entry;
  const guidance = procedure.residentGuidance.trim();
  return (
    <div
      className="binder-procedure"
      id={entry.anchor}
      data-binder-marker={procedureHeading(procedure.title)}
    >
      <ProcedurePrint procedure={procedure} levelNames={levelNames} />
      <p className="binder-procedure-facts">
        {procedureFacts(procedure).map((fact) => (
          <span key={fact.label}>
            {fact.label}: {fact.value}
          </span>
        ))}
      </p>
      <section className="print-section binder-guidance">
        <h2>{procedureFieldLabels.residentGuidance}</h2>
        <p className="print-text">
          {guidance ||
            '登録されていません。状況と、再開の見込みが分からないことを率直に伝えてください。'}
        </p>
      </section>
      <AgreementsPrint agreements={procedure.agreements} />
    </div>
  );
}
