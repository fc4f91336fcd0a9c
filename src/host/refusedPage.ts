/**
 * What a tab without this run's token is shown instead of a bare "403": what happened and
 * what to do. It never carries the token (the request did not know it), and it obeys the
 * host's CSP: no script, its style from `refusedPageStylePath` rather than inline.
 */
export const refusedPageStylePath = '/refused.css';

export const refusedPageStyle = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; }
main { max-width: 34rem; margin: 2rem; padding: 2rem 2.25rem; border-radius: 12px;
  border: 1px solid color-mix(in srgb, CanvasText 18%, transparent);
  box-shadow: 0 8px 30px color-mix(in srgb, CanvasText 12%, transparent); }
h1 { font-size: 1.35rem; margin: 0 0 0.75rem; }
p { line-height: 1.5; margin: 0.6rem 0; }
code { font-size: 0.95em; padding: 0.1em 0.35em; border-radius: 4px;
  background: color-mix(in srgb, CanvasText 8%, transparent); }
.hint { opacity: 0.75; font-size: 0.9rem; }
`;

import { messagesIn, type UiLanguage } from '../main/core/i18n';

export interface RefusedPageOptions {
  /** This host's own origin, e.g. `http://127.0.0.1:8080`. */
  origin: string;
  /** The request carried a token (in the address or a cookie), only not this run's. */
  stale: boolean;
  /** The browser's language (its `Accept-Language`); English if not given. */
  language?: UiLanguage;
}

export function refusedPage({ origin, stale, language = 'en' }: RefusedPageOptions): string {
  const { t } = messagesIn(language);
  const text = (key: Parameters<typeof t>[0]) => escapeHtml(t(key));
  const [title, why] = stale
    ? [text('refused.staleTitle'), text('refused.staleWhy')]
    : [text('refused.noTokenTitle'), text('refused.noTokenWhy')];
  // The address goes in as a marker, so the sentence is escaped and the <code> is not.
  const marker = '\u0000';
  const address = `<code>${escapeHtml(origin)}/?token=</code>`;
  const openPrinted = escapeHtml(t('refused.openPrinted', { address: marker })).replace(
    marker,
    address,
  );
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text('refused.pageTitle')}</title>
<link rel="stylesheet" href="${refusedPageStylePath}">
</head>
<body>
<main>
<h1>${title}</h1>
<p>${why}</p>
<p>${openPrinted}</p>
<p class="hint">${text('refused.kept')}</p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
