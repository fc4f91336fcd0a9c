import type { DispatchTexts } from '../../../shared/contract/dispatcher';
import type { ApiBaseIssue } from '../../../shared/settings';
import type { Messages, Translate } from './messages';

/** Why an address cannot be the API base, in the language of `t`. */
export function apiBaseText(t: Translate, issue: ApiBaseIssue): string {
  return issue.code === 'plainHttp'
    ? t('apiBase.plainHttp', { host: issue.host })
    : t(`apiBase.${issue.code}`);
}

function isApiBaseIssue(value: unknown): value is ApiBaseIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { code, host } = value as { code?: unknown; host?: unknown };
  if (code === 'plainHttp') return typeof host === 'string';
  return code === 'notAUrl' || code === 'scheme' || code === 'credentials';
}

/**
 * A refused request in main's current language: the issues our schemas describe as data
 * (`params`) are worded by the catalogs; zod's built-in messages stay as zod writes them.
 */
export function dispatchTexts(messages: Messages): DispatchTexts {
  return {
    issue: ({ params }) => {
      const issue = params?.['apiBaseIssue'];
      return isApiBaseIssue(issue) ? apiBaseText(messages.t, issue) : undefined;
    },
    invalid: (command, issues) => messages.t('request.invalid', { command, issues }),
  };
}
