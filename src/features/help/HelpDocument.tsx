import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Banner } from '../common/Banner.tsx';
import { helpPath, resolveHelpLink, type HelpTopic } from './helpTopics.ts';
import { renderMarkdown, type RenderedHelp } from './renderMarkdown.ts';
import './help.css';

type Loaded = { slug: string; doc: RenderedHelp } | { slug: string; failed: true };

/**
 * One guide, rendered from its Markdown file. Loaded lazily by HelpPage (this module carries
 * marked), so neither the renderer nor the text is in the first screen's JavaScript.
 */
export default function HelpDocument({ topic, section }: { topic: HelpTopic; section?: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let isCurrent = true;
    topic
      .load()
      .then((markdown) => renderMarkdown(markdown, (href) => resolveHelpLink(href, topic.slug)))
      .then(
        (doc) => isCurrent && setLoaded({ slug: topic.slug, doc }),
        () => isCurrent && setLoaded({ slug: topic.slug, failed: true }),
      );
    return () => {
      isCurrent = false;
    };
  }, [topic]);

  const current = loaded?.slug === topic.slug ? loaded : null;
  const doc = current && 'doc' in current ? current.doc : null;

  // A link to a heading (from the table of contents, another guide or a screen) scrolls to it.
  useEffect(() => {
    if (!doc) return;
    if (section) document.getElementById(`help-${section}`)?.scrollIntoView?.({ block: 'start' });
  }, [doc, section]);

  const contents = useMemo(() => doc?.headings.filter((h) => h.depth === 2) ?? [], [doc]);

  if (!current) return <p role="status">手引きを読み込んでいます…</p>;
  if (!doc)
    return (
      <Banner kind="error">
        この手引きを読み込めませんでした。再読み込みしても直らない場合は、情報システム担当に連絡してください。
      </Banner>
    );
  return (
    <>
      {contents.length > 2 ? (
        <nav className="help-contents" aria-label="目次">
          <h2>目次</h2>
          <ul>
            {contents.map((heading) => (
              <li key={heading.id}>
                <Link to={helpPath(topic.slug, heading.id.slice('help-'.length))}>
                  {heading.text}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {/* The HTML is marked's output for our own Markdown files: raw HTML escaped (renderMarkdown). */}
      <article className="help-document" dangerouslySetInnerHTML={{ __html: doc.html }} />
    </>
  );
}
