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
import { SettingsPage } from '../features/settings/SettingsPage.tsx';
import { ExchangePage } from '../features/exchange/ExchangePage.tsx';
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
          <Route element={<Layout station={station} />}>
            <Route index element={<Navigate to="/incidents" replace />} />
            <Route path="outage" element={<NotReadyPage title="障害発生時" />} />
            <Route path="incidents" element={<IncidentListPage />} />
            <Route path="incidents/new" element={<IncidentEditPage />} />
            <Route path="incidents/:id" element={<IncidentDetailPage />} />
            <Route path="incidents/:id/edit" element={<IncidentEditPage />} />
            <Route path="contacts" element={<NotReadyPage title="連絡先" />} />
            <Route path="procedures" element={<NotReadyPage title="代替手順" />} />
            <Route path="levels" element={<NotReadyPage title="障害レベル" />} />
            <Route path="systems" element={<SystemsPage />} />
            <Route path="systems/new" element={<SystemEditPage />} />
            <Route path="systems/:id/edit" element={<SystemEditPage />} />
            <Route path="exchange" element={<ExchangePage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="*" element={<NotReadyPage title="ページが見つかりません" missing />} />
          </Route>
        </Routes>
      )}
    </HashRouter>
  );
}
