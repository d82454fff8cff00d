import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../common/usePageTitle.ts';
import { findHelpTopic, helpPath, helpTopics, type HelpTopic } from './helpTopics.ts';

// marked and the guides' text load only when a guide is opened (a chunk of its own).
const HelpDocument = lazy(() => import('./HelpDocument.tsx'));

/** 手引き: the list of guides (#/help), or one guide (#/help/<slug>), readable offline. */
export function HelpPage() {
  const { topic: slug } = useParams();
  const [search] = useSearchParams();
  const topic = findHelpTopic(slug);
  usePageTitle(topic ? topic.title : '手引き');
  if (slug === undefined) return <HelpIndex />;
  return (
    <section className="help-page">
      <nav aria-label="手引きの場所" className="help-breadcrumb">
        <Link to="/help">手引き</Link>
        {topic ? ` ／ ${topic.title}` : null}
      </nav>
      {topic ? (
        <Suspense fallback={<p role="status">手引きを読み込んでいます…</p>}>
          <HelpDocument topic={topic} section={search.get('section') ?? undefined} />
        </Suspense>
      ) : (
        <>
          <h1>手引き</h1>
          <p>
            この手引きはありません。<Link to="/help">手引きの一覧</Link>から選んでください。
          </p>
        </>
      )}
    </section>
  );
}

function HelpIndex() {
  return (
    <section className="help-page">
      <h1>手引き</h1>
      <p>
        備えの使い方と設置・運用の手引きです。この PC
        に保存されているので、ネットワークやサーバーが止まっていても読めます。
      </p>
      <TopicList heading="職員の方へ" topics={helpTopics.filter((t) => t.audience === 'staff')} />
      <TopicList
        heading="情報システム担当の方へ"
        topics={helpTopics.filter((t) => t.audience === 'it')}
      />
      <TopicList
        heading="開発担当・監査の方へ（英語を含みます）"
        topics={helpTopics.filter((t) => t.audience === 'developer')}
      />
      <h2>画面</h2>
      <ul>
        <li>
          <Link to="/exchange/verify">ファイルの検証</Link>
          {'：データ交換のファイルを、取り込まずに署名と内容だけ確かめます。'}
        </li>
      </ul>
    </section>
  );
}

function TopicList({ heading, topics }: { heading: string; topics: readonly HelpTopic[] }) {
  return (
    <>
      <h2>{heading}</h2>
      <ul className="help-topics">
        {topics.map((topic) => (
          <li key={topic.slug}>
            <Link to={helpPath(topic.slug)}>{topic.title}</Link>
            <br />
            <span className="hint">{topic.description}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
