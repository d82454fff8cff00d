import './procedures.css';

/**
 * 住民への案内 in large type, line breaks kept: read aloud at the counter or shown to the people
 * queuing. The host gives it a heading; this is only the text.
 */
export function ResidentGuidance({ text }: { text: string }) {
  if (!text.trim())
    return <p className="resident-guidance-empty">住民への案内はまだ書かれていません。</p>;
  return (
    <div className="resident-guidance" lang="ja">
      {text.trim()}
    </div>
  );
}
