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

export interface RefusedPageOptions {
  /** This host's own origin, e.g. `http://127.0.0.1:8080`. */
  origin: string;
  /** The request carried a token (in the address or a cookie), only not this run's. */
  stale: boolean;
}

export function refusedPage({ origin, stale }: RefusedPageOptions): string {
  const [title, why] = stale
    ? [
        'This Airframe tab belongs to an earlier run of the host',
        'The host stopped or restarted since this tab was opened, and each run has its own token.',
      ]
    : [
        'This address lacks Airframe’s token',
        'The host serves Airframe only at the address it printed, which carries a token for this run.',
      ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Open the address the host printed · Airframe</title>
<link rel="stylesheet" href="${refusedPageStylePath}">
</head>
<body>
<main>
<h1>${title}</h1>
<p>${why}</p>
<p>Open the address the host printed when it started: it begins with <code>${escapeHtml(origin)}/?token=</code>.</p>
<p class="hint">Your jobs and clips are kept. Jobs resume when the host runs again.</p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
