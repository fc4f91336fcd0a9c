import type { AirforceApi } from './airforce/types';

/** A client that follows the API base setting: changing it takes effect on the next call. */
export function followApiBase(
  base: () => string,
  make: (apiBase: string) => AirforceApi,
): AirforceApi {
  let currentBase = base();
  let current = make(currentBase);
  const client = () => {
    if (base() !== currentBase) {
      currentBase = base();
      current = make(currentBase);
    }
    return current;
  };
  return {
    listModels: (...args) => client().listModels(...args),
    createVideo: (...args) => client().createVideo(...args),
    getTask: (...args) => client().getTask(...args),
    listTasks: (...args) => client().listTasks(...args),
    deleteTask: (...args) => client().deleteTask(...args),
    streamTask: (...args) => client().streamTask(...args),
  };
}
