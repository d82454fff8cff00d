import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './app/serviceWorker.ts';
import { prepareAppDatabase } from './db/instance.ts';
import './app/app.css';

// An old database needs the record upgrades before it opens (src/db/recordUpgradeLoader.ts).
void prepareAppDatabase().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

// Offline copy and update prompt; skipped quietly where the browser allows no service worker.
registerServiceWorker();
