import { commands, type Handlers } from './contract';
import { isCommandName } from './names';
import { UserError, type ContractError, type Result } from './result';

/**
 * The host side: turns a handler table into one function that takes an untrusted
 * (name, request) pair and always answers a `Result` — it never throws.
 */
export type Dispatch = (name: unknown, request: unknown) => Promise<Result<unknown>>;

export function createDispatcher(
  handlers: Handlers,
  onUnexpected: (command: string, error: unknown) => void = () => {},
): Dispatch {
  return async (name, request) => {
    if (!isCommandName(name)) {
      return fail({ code: 'unknown-command', message: `Unknown command: ${String(name)}` });
    }
    const parsed = commands[name].request.safeParse(request ?? {});
    if (!parsed.success) {
      return fail({ code: 'invalid-request', message: describeIssues(name, parsed.error.issues) });
    }
    try {
      const handler = handlers[name] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof UserError) return fail({ code: error.code, message: error.message });
      onUnexpected(name, error);
      return fail({
        code: 'internal',
        message: `${name} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
}

function fail(error: ContractError): Result<never> {
  return { ok: false, error };
}

function describeIssues(
  name: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
    return `${where}: ${issue.message}`;
  });
  return `Invalid ${name} request — ${parts.join('; ')}`;
}
