import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import type { SimulatorConfig } from './index';

// `npm run simulator -- [--port 8787] [--cdn-port N] [--speed 10] [--timing fast|realistic]
//   [--balance CENTS] [--key sk-air-…] [--seed N] [--pad BYTES] [--task-ids default|dotted]
//   [--status-after-expiry expired|completed] [--list-items documented|with-prompt]
//   [--list-lag-ms MS] [--list-envelope data|bare|tasks|items|unrecognised] [--nulls]`:
// a standalone api.airforce.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'cdn-port': { type: 'string', default: '0' },
    speed: { type: 'string', default: '1' },
    timing: { type: 'string', default: 'fast' },
    balance: { type: 'string', default: '100000' },
    key: { type: 'string' },
    seed: { type: 'string' },
    pad: { type: 'string', default: '0' },
    'task-ids': { type: 'string' },
    'status-after-expiry': { type: 'string' },
    'list-items': { type: 'string' },
    'list-lag-ms': { type: 'string' },
    'list-envelope': { type: 'string' },
    nulls: { type: 'boolean', default: false },
  },
});

function number(name: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    console.error(`--${name} must be a number, got "${text}"`);
    process.exit(2);
  }
  return value;
}

if (values.timing !== 'fast' && values.timing !== 'realistic') {
  console.error(`--timing must be fast or realistic, got "${values.timing}"`);
  process.exit(2);
}

// Only the flags given, unchecked: startSimulator checks them (a TypeError) and keeps the
// rest at their defaults.
const config = Object.fromEntries(
  Object.entries({
    taskIds: values['task-ids'],
    statusAfterExpiry: values['status-after-expiry'],
    listItems: values['list-items'],
    listEnvelope: values['list-envelope'],
    nulls: values.nulls,
    listLagMs:
      values['list-lag-ms'] === undefined
        ? undefined
        : number('list-lag-ms', values['list-lag-ms']),
  }).filter(([, value]) => value !== undefined),
) as Partial<SimulatorConfig>;

const sim = await startSimulator({
  port: number('port', values.port),
  cdnPort: number('cdn-port', values['cdn-port']),
  speed: number('speed', values.speed),
  timing: values.timing,
  startBalanceCents: number('balance', values.balance),
  padBytes: number('pad', values.pad),
  ...(values.seed === undefined ? {} : { seed: number('seed', values.seed) }),
  ...config,
}).catch((error: unknown) => {
  if (!(error instanceof TypeError)) throw error;
  console.error(error.message);
  process.exit(2);
});

// A fixed key survives restarts, so an exported AIRFORCE_API_KEY keeps working.
if (values.key) sim.addKey(values.key, number('balance', values.balance));
const apiKey = values.key ?? sim.apiKey;

console.log(`api.airforce simulator ready (${values.timing} timing, speed ×${values.speed})
  API ${sim.apiBase}   CDN ${sim.cdnBase}
  export AIRFORCE_API_BASE=${sim.apiBase}
  export AIRFORCE_API_KEY=${apiKey}
  config ${JSON.stringify(sim.configure())}
Control: POST ${sim.apiBase}/__sim/advance {"ms":60000} · POST ${sim.apiBase}/__sim/config {…} · GET ${sim.apiBase}/__sim/state · GET ${sim.apiBase}/__sim/log
Ctrl+C stops it.`);

const stop = () => void sim.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
