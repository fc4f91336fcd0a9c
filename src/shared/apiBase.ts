// The API base's rules without zod: the renderer words `apiBaseIssue` itself; `./settings`
// builds its schema on them and re-exports them for main.

export const DEFAULT_API_BASE = 'https://api.airforce';

/** This computer: `localhost`, 127.0.0.0/8 and ::1 (a WHATWG URL's hostname, normalised). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Why an address cannot be the API base, as data: main and the renderer word it in their language. */
export type ApiBaseIssue =
  | { code: 'notAUrl' }
  | { code: 'scheme' }
  | { code: 'credentials' }
  | { code: 'plainHttp'; host: string };

/**
 * Why `apiBase` cannot be the API base, or null. The key travels in a header to it, so
 * plain http is only for this computer (the simulator in tests and the demo); anything
 * that leaves it must be https.
 */
export function apiBaseIssue(apiBase: string): ApiBaseIssue | null {
  if (!URL.canParse(apiBase)) return { code: 'notAUrl' };
  const url = new URL(apiBase);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { code: 'scheme' };
  if (url.username || url.password) return { code: 'credentials' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return { code: 'plainHttp', host: url.host };
  return null;
}

/** `apiBaseIssue` in English (zod's message, and the renderer until it words issues itself). */
export function apiBaseProblem(apiBase: string): string | null {
  const issue = apiBaseIssue(apiBase);
  if (!issue) return null;
  switch (issue.code) {
    case 'notAUrl':
      return 'Enter a web address such as https://api.airforce.';
    case 'scheme':
      return 'The API base must be an https:// address, such as https://api.airforce.';
    case 'credentials':
      return 'The API base must not contain a user name or password.';
    case 'plainHttp':
      return `Plain http:// is accepted only for this computer (localhost, 127.0.0.1, ::1): the key would cross the network unencrypted. Use https://${issue.host} instead.`;
  }
}

/** The origin an API base sends to, e.g. `https://api.airforce` (the base must parse). */
export const apiOrigin = (apiBase: string): string => new URL(apiBase).origin;
