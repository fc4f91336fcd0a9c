import { startSimulator, type SimulatorOptions } from '../../src/simulator';

// A simulator in its own process, so what a benchmark measures in its own process (memory,
// CPU) is the app's alone. Options come as JSON in argv[2]; prints one JSON line when ready;
// driven through the `/__sim/…` control endpoints; SIGTERM closes it.
const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
const sim = await startSimulator(options);
console.log(
  JSON.stringify({
    apiBase: sim.apiBase,
    cdnBase: sim.cdnBase,
    apiKey: sim.apiKey,
    pid: process.pid,
  }),
);
process.once('SIGTERM', () => void sim.close().then(() => process.exit(0)));
