/**
 * The renderer's Content-Security-Policy, sent as a header by the `app://` handler. No
 * `'unsafe-inline'` anywhere: the built renderer has no inline script or style, and React's
 * `style` props are set through the CSSOM, which a CSP does not govern. `clip:` is the
 * library's media; `data:`/`blob:` are images the user drops or pastes and their crops.
 */
const directives: readonly [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' clip: data: blob:"],
  ['media-src', "'self' clip: blob:"],
  ['connect-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  // Only a header can say this; a <meta> CSP ignores it with a console error.
  ['frame-ancestors', "'none'"],
];

const join = (list: readonly [string, string][]) =>
  list.map(([name, value]) => `${name} ${value}`).join('; ');

export const rendererCsp = join(directives);

/** The same policy for index.html's <meta>, which covers the dev server (no header there). */
export const rendererMetaCsp = join(directives.filter(([name]) => name !== 'frame-ancestors'));
