import { commandNames, type Handlers } from '../../src/shared/contract';
import { UserError } from '../../src/shared/contract/result';

/** A full handler table for tests that care about a few commands: the rest answer `unavailable`. */
export function fakeHandlers(overrides: Partial<Handlers>): Handlers {
  const table = Object.fromEntries(
    commandNames.map((name) => [
      name,
      async () => {
        throw new UserError('unavailable', `${name} is not part of this test`);
      },
    ]),
  );
  return { ...table, ...overrides } as Handlers;
}
