// The emergency read-only copy of the binder (緊急用の閲覧コピー): one HTML file that opens from
// file://, a USB stick or a desktop with scripts disabled, when neither the server nor the app
// can be reached. It is the binder's own components rendered once into a detached element, so the
// copy and the paper never drift apart; React escapes every text and the DOM serialises it, so
// nothing here escapes by hand. Loaded only when a copy is saved (dynamic import), to keep the
// CSS text out of the first screen's bundle.

import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import printCss from './print.css?inline';
import copyCss from './binderCopy.css?inline';
import { Binder } from './Binder.tsx';
import { planBinder, type BinderRecords } from './binderPlan.ts';

/** The copy's own policy: it may fetch nothing and run nothing; only its inline CSS applies. */
export const BINDER_COPY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Our own CSS, which never holds an end tag; refused rather than cut short if it ever did. */
function styleText(css: string): string {
  if (/<\/style/i.test(css)) throw new Error('CSS text holds </style>');
  return css;
}

/**
 * The whole HTML document of the read-only copy: inline CSS only, no script, no external or
 * relative resource (the icon is a data: URL so a browser does not look for favicon.ico).
 */
export function renderBinderHtml({
  municipality,
  records,
  madeAt,
}: {
  municipality: string;
  records: BinderRecords;
  madeAt: Date;
}): string {
  const container = document.createElement('div');
  const root = createRoot(container);
  try {
    const plan = planBinder(records);
    flushSync(() =>
      root.render(
        createElement(Binder, { municipality, plan, madeAt, pages: null, variant: 'copy' }),
      ),
    );
    const doc = document.implementation.createHTMLDocument(
      `${municipality} 緊急時バインダー（閲覧用の写し）`,
    );
    doc.documentElement.lang = 'ja';
    const element = (tag: string, attributes: Record<string, string>) => {
      const el = doc.createElement(tag);
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      return el;
    };
    // charset first: it must come within the file's first 1024 bytes.
    doc.head.prepend(
      element('meta', { charset: 'utf-8' }),
      element('meta', { 'http-equiv': 'Content-Security-Policy', content: BINDER_COPY_POLICY }),
      element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    );
    doc.head.append(element('link', { rel: 'icon', href: 'data:,' }));
    const page = element('div', { class: 'print-page' });
    page.append(...Array.from(container.childNodes, (node) => doc.importNode(node, true)));
    doc.body.append(page);
    // The CSS goes in as text: a <style> element made here would fall under the app's own policy
    // (no inline style) even in a document that is never shown. The serialised head ends at the
    // first </head>: titles and attributes come out escaped.
    const html = doc.documentElement.outerHTML.replace(
      '</head>',
      () => `<style>\n${styleText(`${printCss}\n${copyCss}`)}\n</style></head>`,
    );
    return `<!DOCTYPE html>\n${html}\n`;
  } finally {
    root.unmount();
  }
}
