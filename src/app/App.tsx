import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useStation } from '../db/hooks.ts';
import { Layout } from './Layout.tsx';
import { NotReadyPage } from './NotReadyPage.tsx';
import { FirstRunPage } from '../features/firstRun/FirstRunPage.tsx';
import { IncidentListPage } from '../features/incidents/IncidentListPage.tsx';
import { IncidentEditPage } from '../features/incidents/IncidentEditPage.tsx';
import { IncidentDetailPage } from '../features/incidents/IncidentDetailPage.tsx';
import { SystemsPage } from '../features/systems/SystemsPage.tsx';
import { SystemEditPage } from '../features/systems/SystemEditPage.tsx';
import { SystemDetailPage } from '../features/systems/SystemDetailPage.tsx';
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { ExchangePage } from '../features/exchange/ExchangePage.tsx';
import { OutagePage } from '../features/outage/OutagePage.tsx';
import { ContactListPage } from '../features/contacts/ContactListPage.tsx';
import { ContactEditPage } from '../features/contacts/ContactEditPage.tsx';
import { ContactDetailPage } from '../features/contacts/ContactDetailPage.tsx';
import { ContactImportPage } from '../features/contacts/ContactImportPage.tsx';
import { ProcedureListPage } from '../features/procedures/ProcedureListPage.tsx';
import { ProcedureEditPage } from '../features/procedures/ProcedureEditPage.tsx';
import { ProcedureDetailPage } from '../features/procedures/ProcedureDetailPage.tsx';
import { LevelListPage } from '../features/levels/LevelListPage.tsx';
import { LevelEditPage } from '../features/levels/LevelEditPage.tsx';
import { OutageKitPage } from '../print/OutageKitPage.tsx';
import { IncidentSheetPage } from '../print/IncidentSheetPage.tsx';
import { IncidentReportPage } from '../print/IncidentReportPage.tsx';
import { ContactListPrintPage } from '../print/ContactListPrintPage.tsx';
import { WalletCardPage } from '../print/WalletCardPage.tsx';
import { BinderPage } from '../print/BinderPage.tsx';
import { HelpPage } from '../features/help/HelpPage.tsx';
import { VerifyBundlePage } from '../features/exchange/VerifyBundlePage.tsx';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';
import { DatabaseProblemBanner } from './DatabaseProblemBanner.tsx';
import { InsecureContextNotice } from './InsecureContextNotice.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

/**
 * Hash routing: with `base: './'` the same build works under any sub-path of any static
 * server, with no rewrite rules, and deep links keep working offline.
 */
export function App() {
  const station = useStation();
  return (
    <HashRouter>
      <DatabaseProblemBanner />
      <UpdatePrompt />
      <InsecureContextNotice />
      {station === undefined ? (
        <p className="loading" role="status">
          読み込み中…
        </p>
      ) : station === null ? (
        <FirstRunPage />
      ) : (
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
            <Route path="help" element={<HelpPage />} />
            <Route path="help/:topic" element={<HelpPage />} />
            <Route path="*" element={<NotReadyPage title="ページが見つかりません" missing />} />
          </Route>
        </Routes>
      )}
    </HashRouter>
  );
}
