import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useStation } from '../db/hooks.ts';
import { Layout } from './Layout.tsx';
import { NotReadyPage } from './NotReadyPage.tsx';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';
import { DatabaseProblemBanner } from './DatabaseProblemBanner.tsx';
import { InsecureContextNotice } from './InsecureContextNotice.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

/**
 * A screen loaded when first shown, so the first visit downloads only the shell and the screen
 * it opens on (issue 9: ≤ 150 KB gzip). The service worker precaches every chunk, so a screen
 * opened for the first time offline still loads.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the constraint React.lazy itself uses
function lazyScreen<M extends Record<K, ComponentType<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

const FirstRunPage = lazyScreen(
  () => import('../features/firstRun/FirstRunPage.tsx'),
  'FirstRunPage',
);
const IncidentListPage = lazyScreen(
  () => import('../features/incidents/IncidentListPage.tsx'),
  'IncidentListPage',
);
const IncidentEditPage = lazyScreen(
  () => import('../features/incidents/IncidentEditPage.tsx'),
  'IncidentEditPage',
);
const IncidentDetailPage = lazyScreen(
  () => import('../features/incidents/IncidentDetailPage.tsx'),
  'IncidentDetailPage',
);
const SystemsPage = lazyScreen(() => import('../features/systems/SystemsPage.tsx'), 'SystemsPage');
const SystemEditPage = lazyScreen(
  () => import('../features/systems/SystemEditPage.tsx'),
  'SystemEditPage',
);
const SystemDetailPage = lazyScreen(
  () => import('../features/systems/SystemDetailPage.tsx'),
  'SystemDetailPage',
);
const SettingsPage = lazyScreen(
  () => import('../features/settings/SettingsPage.tsx'),
  'SettingsPage',
);
const ExchangePage = lazyScreen(
  () => import('../features/exchange/ExchangePage.tsx'),
  'ExchangePage',
);
const OutagePage = lazyScreen(() => import('../features/outage/OutagePage.tsx'), 'OutagePage');
const ContactListPage = lazyScreen(
  () => import('../features/contacts/ContactListPage.tsx'),
  'ContactListPage',
);
const ContactEditPage = lazyScreen(
  () => import('../features/contacts/ContactEditPage.tsx'),
  'ContactEditPage',
);
const ContactDetailPage = lazyScreen(
  () => import('../features/contacts/ContactDetailPage.tsx'),
  'ContactDetailPage',
);
const ContactImportPage = lazyScreen(
  () => import('../features/contacts/ContactImportPage.tsx'),
  'ContactImportPage',
);
const ProcedureListPage = lazyScreen(
  () => import('../features/procedures/ProcedureListPage.tsx'),
  'ProcedureListPage',
);
const ProcedureEditPage = lazyScreen(
  () => import('../features/procedures/ProcedureEditPage.tsx'),
  'ProcedureEditPage',
);
const ProcedureDetailPage = lazyScreen(
  () => import('../features/procedures/ProcedureDetailPage.tsx'),
  'ProcedureDetailPage',
);
const LevelListPage = lazyScreen(
  () => import('../features/levels/LevelListPage.tsx'),
  'LevelListPage',
);
const LevelEditPage = lazyScreen(
  () => import('../features/levels/LevelEditPage.tsx'),
  'LevelEditPage',
);
const OutageKitPage = lazyScreen(() => import('../print/OutageKitPage.tsx'), 'OutageKitPage');
const IncidentSheetPage = lazyScreen(
  () => import('../print/IncidentSheetPage.tsx'),
  'IncidentSheetPage',
);
const IncidentReportPage = lazyScreen(
  () => import('../print/IncidentReportPage.tsx'),
  'IncidentReportPage',
);
const ContactListPrintPage = lazyScreen(
  () => import('../print/ContactListPrintPage.tsx'),
  'ContactListPrintPage',
);
const WalletCardPage = lazyScreen(() => import('../print/WalletCardPage.tsx'), 'WalletCardPage');
const BinderPage = lazyScreen(() => import('../print/BinderPage.tsx'), 'BinderPage');
const MonthlyReportPage = lazyScreen(
  () => import('../print/MonthlyReportPage.tsx'),
  'MonthlyReportPage',
);
const ReportsPage = lazyScreen(() => import('../features/reports/ReportsPage.tsx'), 'ReportsPage');
const AuditTrailPage = lazyScreen(
  () => import('../features/audit/AuditTrailPage.tsx'),
  'AuditTrailPage',
);
const HelpPage = lazyScreen(() => import('../features/help/HelpPage.tsx'), 'HelpPage');
const VerifyBundlePage = lazyScreen(
  () => import('../features/exchange/VerifyBundlePage.tsx'),
  'VerifyBundlePage',
);

// lazy screens: station care (issue 14)
// lazy screens: drills (issue 15)
const DrillListPage = lazyScreen(
  () => import('../features/drills/DrillListPage.tsx'),
  'DrillListPage',
);
const DrillEditPage = lazyScreen(
  () => import('../features/drills/DrillEditPage.tsx'),
  'DrillEditPage',
);
const DrillDetailPage = lazyScreen(
  () => import('../features/drills/DrillDetailPage.tsx'),
  'DrillDetailPage',
);
const DrillEndPage = lazyScreen(
  () => import('../features/drills/DrillEndPage.tsx'),
  'DrillEndPage',
);
const DrillReportPage = lazyScreen(() => import('../print/DrillReportPage.tsx'), 'DrillReportPage');
// lazy screens: review list (issue 15)
const ReviewPage = lazyScreen(() => import('../features/review/ReviewPage.tsx'), 'ReviewPage');
// lazy screens: counter aids (issue 17)
const ReportMemoPage = lazyScreen(
  () => import('../features/incidents/ReportMemoPage.tsx'),
  'ReportMemoPage',
);
const ReportMemoPrintPage = lazyScreen(
  () => import('../print/ReportMemoPrintPage.tsx'),
  'ReportMemoPrintPage',
);
const GuidancePosterPage = lazyScreen(
  () => import('../print/GuidancePosterPage.tsx'),
  'GuidancePosterPage',
);
// lazy screens: encryption (issue 16)
const DataReleasePrintPage = lazyScreen(
  () => import('../features/exchange/DataReleasePrintPage.tsx'),
  'DataReleasePrintPage',
);

/**
 * Hash routing: with `base: './'` the same build works under any sub-path of any static
 * server, with no rewrite rules, and deep links keep working offline.
 */
export function App() {
  const station = useStation();
  const loading = (
    <p className="loading" role="status">
      読み込み中…
    </p>
  );
  return (
    <HashRouter>
      <DatabaseProblemBanner />
      <UpdatePrompt />
      <InsecureContextNotice />
      {station === undefined ? (
        loading
      ) : station === null ? (
        <Suspense fallback={loading}>
          <FirstRunPage />
        </Suspense>
      ) : (
        <Suspense fallback={loading}>
          <Routes>
            {/* Print layouts sit outside the layout, so no menu or header ever prints. */}
            <Route
              path="print/outage-kit/:systemId"
              element={
                <ScreenErrorBoundary>
                  <OutageKitPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            <Route
              path="print/incident-sheet"
              element={
                <ScreenErrorBoundary>
                  <IncidentSheetPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            <Route
              path="print/incident-report/:incidentId"
              element={
                <ScreenErrorBoundary>
                  <IncidentReportPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            <Route
              path="print/contacts"
              element={
                <ScreenErrorBoundary>
                  <ContactListPrintPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            <Route
              path="print/wallet-card"
              element={
                <ScreenErrorBoundary>
                  <WalletCardPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            <Route
              path="print/binder"
              element={
                <ScreenErrorBoundary>
                  <BinderPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            <Route
              path="print/monthly-report"
              element={
                <ScreenErrorBoundary>
                  <MonthlyReportPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            {/* print routes: station care (issue 14) */}
            {/* print routes: drills (issue 15) */}
            <Route
              path="print/drill-report/:drillId"
              element={
                <ScreenErrorBoundary>
                  <DrillReportPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            {/* print routes: review list (issue 15) */}
            {/* print routes: counter aids (issue 17) */}
            <Route
              path="print/report-memo/:incidentId"
              element={
                <ScreenErrorBoundary>
                  <ReportMemoPrintPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            <Route
              path="print/guidance-poster/:procedureId"
              element={
                <ScreenErrorBoundary>
                  <GuidancePosterPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            {/* print routes: encryption (issue 16) */}
            <Route
              path="print/data-release/:seq"
              element={
                <ScreenErrorBoundary>
                  <DataReleasePrintPage station={station} />
                </ScreenErrorBoundary>
              }
            />
            <Route element={<Layout station={station} />}>
              <Route index element={<Navigate to="/outage" replace />} />
              <Route path="outage" element={<OutagePage />} />
              <Route path="outage/:systemId" element={<OutagePage />} />
              <Route path="incidents" element={<IncidentListPage />} />
              <Route path="incidents/new" element={<IncidentEditPage />} />
              <Route path="incidents/:id" element={<IncidentDetailPage />} />
              <Route path="incidents/:id/edit" element={<IncidentEditPage />} />
              <Route path="contacts" element={<ContactListPage />} />
              <Route path="contacts/new" element={<ContactEditPage />} />
              <Route path="contacts/import" element={<ContactImportPage />} />
              <Route path="contacts/:id" element={<ContactDetailPage />} />
              <Route path="contacts/:id/edit" element={<ContactEditPage />} />
              <Route path="procedures" element={<ProcedureListPage />} />
              <Route path="procedures/new" element={<ProcedureEditPage />} />
              <Route path="procedures/:id" element={<ProcedureDetailPage />} />
              <Route path="procedures/:id/edit" element={<ProcedureEditPage />} />
              <Route path="levels" element={<LevelListPage />} />
              <Route path="levels/new" element={<LevelEditPage />} />
              <Route path="levels/:id/edit" element={<LevelEditPage />} />
              <Route path="systems" element={<SystemsPage />} />
              <Route path="systems/new" element={<SystemEditPage />} />
              <Route path="systems/:id" element={<SystemDetailPage />} />
              <Route path="systems/:id/edit" element={<SystemEditPage />} />
              <Route path="exchange" element={<ExchangePage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="exchange/verify" element={<VerifyBundlePage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="audit" element={<AuditTrailPage />} />
              <Route path="help" element={<HelpPage />} />
              <Route path="help/:topic" element={<HelpPage />} />
              {/* routes: station care (issue 14) */}
              {/* routes: drills (issue 15) */}
              <Route path="drills" element={<DrillListPage />} />
              <Route path="drills/new" element={<DrillEditPage />} />
              <Route path="drills/:id" element={<DrillDetailPage />} />
              <Route path="drills/:id/edit" element={<DrillEditPage />} />
              <Route path="drills/:id/end" element={<DrillEndPage />} />
              {/* routes: review list (issue 15) */}
              <Route path="review" element={<ReviewPage />} />
              {/* routes: counter aids (issue 17) */}
              <Route path="incidents/:id/memo" element={<ReportMemoPage />} />
              {/* routes: encryption (issue 16) */}
              <Route path="*" element={<NotReadyPage title="ページが見つかりません" missing />} />
            </Route>
          </Routes>
        </Suspense>
      )}
    </HashRouter>
  );
}
