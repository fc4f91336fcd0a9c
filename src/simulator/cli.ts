import { parseArgs } from 'node:util';
import { startSimulator } from './index';

// `npm run simulator -- [--port 8787] [--cdn-port N] [--speed 10] [--timing fast|realistic]
//   [--balance CENTS] [--key sk-air-…] [--seed N] [--pad BYTES]`: a standalone api.airforce.
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

const sim = await startSimulator({
  port: number('port', values.port),
  cdnPort: number('cdn-port', values['cdn-port']),
  speed: number('speed', values.speed),
  timing: values.timing,
  startBalanceCents: number('balance', values.balance),
  padBytes: number('pad', values.pad),
  ...(values.seed === undefined ? {} : { seed: number('seed', values.seed) }),
});

// A fixed key survives restarts, so an exported AIRFORCE_API_KEY keeps working.
if (values.key) sim.addKey(values.key, number('balance', values.balance));
const apiKey = values.key ?? sim.apiKey;

console.log(`api.airforce simulator ready (${values.timing} timing, speed ×${values.speed})
  API ${sim.apiBase}   CDN ${sim.cdnBase}
  export AIRFORCE_API_BASE=${sim.apiBase}
  export AIRFORCE_API_KEY=${apiKey}
Control: POST ${sim.apiBase}/__sim/advance {"ms":60000} · GET ${sim.apiBase}/__sim/state · GET ${sim.apiBase}/__sim/log
Ctrl+C stops it.`);

const stop = () => void sim.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
