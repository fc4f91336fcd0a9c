/**
 * What crosses the IPC boundary instead of a thrown error (Signal's `wrapResult`).
 * `code` lets a UI choose how to show it; `message` is always readable by a person.
 */
export type ContractErrorCode =
  | 'unknown-command'
  | 'invalid-request'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  // Today's budget has no room for it: nothing was queued (the message says how much).
  | 'over-budget'
  | 'unavailable'
  | 'internal';

export interface ContractError {
  code: ContractErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** An error a command handler throws on purpose, with a message meant for the user. */
export class UserError extends Error {
  readonly code: ContractErrorCode;

  constructor(code: ContractErrorCode, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

/** The error a typed client throws when a command answers `{ ok: false }`. */
export class CommandFailedError extends Error {
  readonly code: ContractErrorCode;
  readonly command: string;

  constructor(command: string, error: ContractError) {
    super(error.message);
    this.name = 'CommandFailedError';
    this.code = error.code;
    this.command = command;
  }
}
