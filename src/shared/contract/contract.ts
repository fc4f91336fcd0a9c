import { z } from 'zod';
import { SettingsPatch, SettingsView } from '../settings';
import type { CommandName, EventName } from './names';

/**
 * The one IPC contract. Every host (Electron's ipcMain, the browser host's WebSocket)
 * validates requests with these schemas before a handler sees them.
 */
const Empty = z.object({}).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  host: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof AppInfo>;

interface CommandSpec {
  request: z.ZodType;
  response: z.ZodType;
}

export const commands = {
  'app.info': { request: Empty, response: AppInfo },
  'settings.get': { request: Empty, response: SettingsView },
  'settings.update': { request: SettingsPatch, response: SettingsView },
} as const satisfies Record<CommandName, CommandSpec>;

export const events = {
  'settings.changed': SettingsView,
} as const satisfies Record<EventName, z.ZodType>;

export type Request<N extends CommandName> = z.input<(typeof commands)[N]['request']>;
export type ParsedRequest<N extends CommandName> = z.output<(typeof commands)[N]['request']>;
export type Response<N extends CommandName> = z.output<(typeof commands)[N]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** A table with one handler per command: what main (or a test host) implements. */
export type Handlers = {
  [N in CommandName]: (request: ParsedRequest<N>) => Promise<Response<N>>;
};

/** How a host pushes contract events to whoever listens. */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
