import type { Handlers } from '../../../shared/contract';
import { UserError } from '../../../shared/contract/result';
import { asApiError } from '../engine/context';
import type { Messages } from '../i18n';
import type { KeyRing } from './keyRing';

/** A key the API refused, or could not be asked about, as the user reads it. */
export function keyNotSaved(error: unknown, { t }: Messages): Error {
  if (error instanceof UserError) return error;
  const e = asApiError(error);
  return new UserError(
    e.kind === 'network' ? 'unavailable' : 'invalid-request',
    t('key.notSaved', { reason: e.message }),
  );
}

type KeyHandlers = Pick<Handlers, 'keys.list' | 'keys.add' | 'keys.update' | 'keys.remove'>;

/**
 * The keys' commands. `changed` announces the keys after each change; `secret` when a key
 * came or went (the settings view's `hasApiKey`, jobs held for want of a key).
 */
export function createKeyHandlers(
  ring: KeyRing,
  changed: (secret: boolean) => Promise<void>,
  messages: Messages,
): KeyHandlers {
  return {
    'keys.list': async () => ({ keys: await ring.list() }),
    'keys.add': async ({ name, apiKey, sessionOnly }) => {
      const key = await ring.add(name, apiKey, sessionOnly).catch((error: unknown) => {
        throw keyNotSaved(error, messages);
      });
      await changed(true);
      return key;
    },
    'keys.update': async (patch) => {
      const key = await ring.update(patch);
      await changed(false);
      return key;
    },
    'keys.remove': async ({ id }) => {
      const removed = await ring.remove(id);
      if (removed) await changed(true);
      return { removed };
    },
  };
}
