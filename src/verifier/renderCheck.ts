import type { CheckView } from './checkerView.ts';
import { h } from './dom.ts';

/** The app's banner kinds (app.css), as 「ファイルの検証」 shows the same verdicts. */
const bannerKinds = { valid: 'success', invalid: 'error', unverified: 'info' } as const;

/** The verdict as a region: the answer first, then the facts to compare and to write down. */
export function renderCheck(view: CheckView): HTMLElement {
  return h(
    'section',
    { class: 'card verify-verdict', 'aria-labelledby': 'result-heading' },
    h('h2', { id: 'result-heading' }, `検証結果: ${view.fileName}`),
    // An invalid file is announced at once; the other verdicts politely.
    h(
      'div',
      {
        class: `banner banner-${bannerKinds[view.tone]}`,
        role: view.tone === 'invalid' ? 'alert' : 'status',
      },
      h('strong', {}, view.verdict),
      `: ${view.reason}`,
    ),
    view.facts.length > 0
      ? h(
          'dl',
          { class: 'verify-facts' },
          ...view.facts.flatMap((fact) => [
            h('dt', {}, fact.term),
            h(
              'dd',
              {},
              ...fact.values.map((line) =>
                h('div', fact.isCode ? { class: 'verify-hash' } : {}, line),
              ),
              fact.hint ? h('div', { class: 'hint' }, fact.hint) : null,
            ),
          ]),
        )
      : null,
    view.note ? h('p', { class: 'hint' }, view.note) : null,
  );
}
