import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/global.css';
import './app/i18n';
import { AppRoot } from './app/app-root';

// A page the server drew a first screen for sends the app's stylesheet as media="print", so that it
// does not hold that screen's paint (apps/server/src/platform/web-shell.ts): the app switches it on.
for (const link of document.querySelectorAll<HTMLLinkElement>('link[data-tb-deferred]')) link.media = 'all';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

createRoot(container).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);
