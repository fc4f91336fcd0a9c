/** The compose screen, and filling it from elsewhere (a remix, a job to try again). */
export { Compose } from './Compose';
export { useComposeStore, type Prefill } from './composeStore';
export { prefillFromRequest } from './prefill';
