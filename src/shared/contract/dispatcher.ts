import { commands, type Handlers } from './contract';
import { isCommandName } from './names';
import { UserError, type ContractError, type Result } from './result';

/**
 * The host side: turns a handler table into one function that takes an untrusted
 * (name, request) pair and always answers a `Result` — it never throws.
 */
export type Dispatch = (name: unknown, request: unknown) => Promise<Result<unknown>>;

/**
 * A message is for a person: no longer than this, whatever it quotes. An unknown key or
 * name of 10 MB would otherwise come back whole (issue 12).
 */
export const MAX_MESSAGE_LENGTH = 1_000;
const MAX_QUOTE_LENGTH = 100;

/** A refused field as the dispatcher reports it: zod's issue, with any `params` it carries. */
export interface RequestIssue {
  path: readonly PropertyKey[];
  message: string;
  params?: Readonly<Record<string, unknown>>;
}

/**
 * How a host words a refused request in the user's language: `issue` gives a field's
 * message (undefined: zod's own, in English), `invalid` the sentence around them.
 */
export interface DispatchTexts {
  issue(issue: RequestIssue): string | undefined;
  invalid(command: string, issues: string): string;
}

const englishTexts: DispatchTexts = {
  issue: () => undefined,
  invalid: (command, issues) => `Invalid ${command} request — ${issues}`,
};

export function createDispatcher(
  handlers: Handlers,
  onUnexpected: (command: string, error: unknown) => void = () => {},
  texts: DispatchTexts = englishTexts,
): Dispatch {
  return async (name, request) => {
    if (!isCommandName(name)) {
      return fail('unknown-command', `Unknown command: ${describeName(name)}`);
    }
    // No request is the empty one (a frame without `request`); anything else must be an
    // object as JSON or structured clone makes it: `null`, an array, a Date or a Map is not.
    if (request !== undefined && !isPlainObject(request)) {
      return fail('invalid-request', `Invalid ${name} request — request: expected an object`);
    }
    let parsed;
    try {
      parsed = commands[name].request.safeParse(request ?? {});
    } catch {
      // Only an in-process caller can send a getter or a proxy that throws when read.
      return fail('invalid-request', `Invalid ${name} request — request: could not be read`);
    }
    if (!parsed.success) {
      return fail('invalid-request', describeIssues(name, parsed.error.issues, texts));
    }
    try {
      const handler = handlers[name] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof UserError) return fail(error.code, error.message);
      onUnexpected(name, error);
      return fail('internal', `${name} failed unexpectedly: ${errorText(error)}`);
    }
  };
}

function fail(code: ContractError['code'], message: string): Result<never> {
  return { ok: false, error: { code, message: clip(String(message), MAX_MESSAGE_LENGTH) } };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A name as the user may see it: quoted only when it is a string, never converted. */
function describeName(name: unknown): string {
  if (typeof name === 'string') return clip(name, MAX_QUOTE_LENGTH);
  return name === null || name === undefined ? '(none given)' : `(${typeof name}, not a name)`;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** What a thrown value says, without calling a `toString` that may throw in turn. */
function errorText(error: unknown): string {
  if (error instanceof Error && typeof error.message === 'string') return error.message;
  if (typeof error === 'string') return error;
  return `(a thrown ${error === null ? 'null' : typeof error})`;
}

function describeIssues(
  name: string,
  issues: readonly RequestIssue[],
  texts: DispatchTexts,
): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const where =
      issue.path.length > 0
        ? issue.path.map((key) => clip(String(key), MAX_QUOTE_LENGTH)).join('.')
        : 'request';
    return `${where}: ${clip(texts.issue(issue) ?? issue.message, 300)}`;
  });
  return texts.invalid(name, parts.join('; '));
}
