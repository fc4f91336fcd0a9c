import { beforeEach } from 'vitest';
import { applyLanguage, loadLanguage } from '../i18n';

// Every language is loaded before the tests, so a test switching to Dutch sees it at once.
await loadLanguage('nl');
// Renderer tests read the English UI: each starts in English, whatever the last one chose.
applyLanguage('en');
beforeEach(() => applyLanguage('en'));
