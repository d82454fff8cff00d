import { lazy, Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import type { Station } from '../domain/station.ts';
import { stationLabel } from '../domain/stationRole.ts';
import { mainNavigation, REVIEW_NAV_COUNT_ID, REVIEW_PATH } from './navigation.ts';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';
import { StorageStatusIndicator } from './StorageStatusIndicator.tsx';
import { OperatorPicker } from './OperatorPicker.tsx';
import { DrillBanner } from '../features/drills/DrillBanner.tsx';
import '../features/help/helpNavLink.css';

// Loaded after the shell, so the first screen's download does not grow (issue 9).
const BackupReminder = lazy(async () => ({
  default: (await import('./BackupReminder.tsx')).BackupReminder,
}));
const ReviewNavCount = lazy(async () => ({
  default: (await import('../features/review/ReviewNavCount.tsx')).ReviewNavCount,
}));

export function Layout({ station }: { station: Station }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={focusMain}>
        本文へ移動
      </a>
      <header className="shell-header">
        <span className="brand">
          <span aria-hidden="true" className="brand-mark">
            備
          </span>
          備え <small>障害対応・業務継続デスク</small>
        </span>
        <span className="station" title="この端末の設定（「設定」で変更）">
          {stationLabel(station)}
        </span>
        {/* Who is at the keyboard of this shared PC, for this session (PRODUCT.md decision 6). */}
        <OperatorPicker station={station} />
        <StorageStatusIndicator />
      </header>
      <nav className="main-nav" aria-label="メインメニュー">
        <ul>
          {mainNavigation.map((item) => (
            <li key={item.path}>
              {item.path === REVIEW_PATH ? (
                <NavLink to={item.path} aria-describedby={REVIEW_NAV_COUNT_ID}>
                  {item.label}
                  <Suspense fallback={null}>
                    <ReviewNavCount />
                  </Suspense>
                </NavLink>
              ) : (
                <NavLink to={item.path}>{item.label}</NavLink>
              )}
            </li>
          ))}
          {/* The guides, apart from the work screens (at the far end); they open offline. */}
          <li className="main-nav-help">
            <NavLink to="/help">手引き</NavLink>
          </li>
        </ul>
      </nav>
      {/* 「訓練中」 on every screen while a drill runs (issue 15). */}
      <DrillBanner />
      <main id="main" tabIndex={-1}>
        {/* Issue 14: no whole-station backup for a while → once a day, with a one-click backup. */}
        <Suspense fallback={null}>
          <BackupReminder />
        </Suspense>
        {/* A screen that throws is replaced by a message; the menu above keeps working. */}
        <ScreenErrorBoundary>
          <Outlet />
        </ScreenErrorBoundary>
      </main>
    </div>
  );
}

function focusMain(event: React.MouseEvent) {
  // With hash routing a plain #main link would change the route, so move focus by hand.
  event.preventDefault();
  document.getElementById('main')?.focus();
}
