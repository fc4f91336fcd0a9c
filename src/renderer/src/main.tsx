import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { currentLanguage, loadLanguage } from './i18n';
import { Shell } from './features/shell';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <Shell />
    </StrictMode>,
  );
// The first render is in the browser's language: a language other than English is a chunk of
// its own, fetched first (from disk or 127.0.0.1). Should that fail, the app opens in English.
loadLanguage(currentLanguage()).then(render, (error: unknown) => {
  console.error(
    'The texts in the browser’s language could not be loaded; opening in English.',
    error,
  );
  render();
});
