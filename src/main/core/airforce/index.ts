export { createAirforceClient, defaultTimeoutMs } from './client';
export type { AirforceClientOptions } from './client';
export type { FetchLike } from './request';
export { defaultRetryPolicy } from './retry';
export type { RetryPolicy, Sleep } from './retry';
export { defaultStreamIdleTimeoutMs } from './sse';
export { defaultVideoCaps } from './models';
export * from './types';
