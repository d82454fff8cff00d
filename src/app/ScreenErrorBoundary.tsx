import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useLocation } from 'react-router';
import { escapeControlCharacters } from '../exchange/safeText.ts';
import { usePageTitle } from '../features/common/usePageTitle.ts';

/**
 * Catches an error thrown while a screen renders (a live query that failed, a damaged record a
 * screen did not expect) so that only that screen is replaced by a message: the header and the
 * navigation stay, and every other screen still opens. Without it React unmounts the whole app
 * and the person sees a blank page (issue #12, item 18).
 *
 * The boundary resets on every navigation (the location key changes), so choosing another
 * screen in the menu, or the same one again, tries afresh.
 */
export function ScreenErrorBoundary({
  children,
  reload = reloadPage,
}: {
  children: ReactNode;
  /** What 「再読み込み」 does; tests pass a spy (jsdom cannot reload a page). */
  reload?: () => void;
}) {
  const location = useLocation();
  return (
    <ErrorBoundary
      fallbackRender={({ error }) => <ScreenProblem error={error} reload={reload} />}
      resetKeys={[location.key]}
    >
      {children}
    </ErrorBoundary>
  );
}

/** The error's name and message, for the IT section; escaped, since it may quote stored text. */
function describeThrown(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error ?? '不明なエラー');
  return escapeControlCharacters(text.length > 300 ? `${text.slice(0, 300)}…` : text);
}

function reloadPage() {
  window.location.reload();
}

/** What happened, what is safe, what to do: in that order, in plain Japanese. */
function ScreenProblem({ error, reload }: { error: unknown; reload: () => void }) {
  usePageTitle('表示できませんでした');
  return (
    <section className="card screen-problem" role="alert" aria-labelledby="screen-problem-heading">
      <h1 id="screen-problem-heading">この画面を表示できませんでした</h1>
      <p>画面の表示中に問題が起きたため、この画面だけを止めました。</p>
      <p>
        <strong>保存済みのデータは、このPCの中に残っています。</strong>
        ほかの画面は上のメニューから開けます。
      </p>
      <p>
        「再読み込み」を押すと、アプリを読み込み直します。何度も起きるときは、情報システム担当に次の内容を伝えてください。
      </p>
      <p className="screen-problem-detail">
        <code>{describeThrown(error)}</code>
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => reload()}>
          再読み込み
        </button>
      </div>
    </section>
  );
}
