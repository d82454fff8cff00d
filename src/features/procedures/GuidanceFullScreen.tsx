import { useRef, useState } from 'react';
import { guidanceIn, guidanceLanguageOf } from '../../domain/guidanceLanguages.ts';
import type { ProcedureData } from '../../domain/procedure.ts';
import { useGuidanceLanguages } from './useGuidanceLanguages.ts';
import './guidanceFullScreen.css';

/**
 * 「住民に画面で見せる」: the resident guidance over the whole screen, turned towards the
 * resident at the counter, with one button per language that has a translation (each named in
 * its own language and `lang`). A modal <dialog>: Esc or 「閉じる」 returns to the outage screen.
 */
export function GuidanceFullScreen({
  procedure,
}: {
  procedure: Pick<ProcedureData, 'residentGuidance' | 'guidanceTranslations'>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [lang, setLang] = useState('ja');
  const offered = useGuidanceLanguages() ?? [];
  const languages = [
    { lang: 'ja', nameNative: '日本語' },
    ...[
      ...offered,
      ...(procedure.guidanceTranslations ?? []).map((t) => guidanceLanguageOf(t.lang)),
    ]
      .filter((l, i, all) => all.findIndex((x) => x.lang === l.lang) === i)
      .filter((l) => !guidanceIn(procedure, l.lang).isFallback),
  ];
  const shown = guidanceIn(procedure, lang);
  if (!procedure.residentGuidance.trim()) return null;

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setLang('ja');
          dialog.current?.showModal();
        }}
      >
        住民に画面で見せる
      </button>
      <dialog ref={dialog} className="guidance-fullscreen" aria-label="住民への案内（全画面）">
        <div className="guidance-fullscreen-langs" role="group" aria-label="言語 / Language">
          {languages.map((l) => (
            <button
              key={l.lang}
              type="button"
              lang={l.lang}
              aria-pressed={lang === l.lang}
              onClick={() => setLang(l.lang)}
            >
              {l.nameNative}
            </button>
          ))}
          <button
            type="button"
            className="guidance-fullscreen-close"
            onClick={() => dialog.current?.close()}
          >
            閉じる
          </button>
        </div>
        <p className="guidance-fullscreen-title" lang="ja">
          お知らせ
        </p>
        <div className="guidance-fullscreen-text" lang={shown.lang}>
          {shown.text}
        </div>
      </dialog>
    </>
  );
}
