/**
 * Runs `work` now and answers with a promise of its result; what it throws becomes the
 * rejection, as an `async` function's would. For a handler or port whose contract is a
 * promise but whose work is synchronous: its callers `.catch` (or expect `.rejects`), so it
 * must not throw at them. This is ES2025's `Promise.try`, which the ES2023 library the
 * project compiles against does not declare.
 */
export function promiseTry<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}
