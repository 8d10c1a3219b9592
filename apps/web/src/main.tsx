import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/global.css';
import './app/i18n';
import { AppRoot } from './app/app-root';

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

createRoot(container).render(
  <StrictMode>
    <AppRoot />
  </StrictMode>,
);
