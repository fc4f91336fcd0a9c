import { beforeEach } from 'vitest';
import { applyLanguage } from '../i18n';

// Renderer tests read the English UI: each starts in English, whatever the last one chose.
applyLanguage('en');
beforeEach(() => applyLanguage('en'));
