/**
 * Speed benchmark of the forecaster (process CPU time next to wall time; the machine is shared).
 *
 *   npm run bench:speed -- [--repeats 3]
 *
 * 1. The default forecast of a 500-point monthly series (horizon 18, backtest and ensemble
 *    included), repeated.
 * 2. Training throughput in windows per second: the default monthly network, and the reference
 *    network of RECIPES.md (lookback 48, 64 units, one member, batch 64, no patching), on wasm
 *    with the transposed-matmul fix, on wasm without it, and on cpu.
 */
import { initBackend, resolveConfig, runForecast } from "../lib/forecast";
import { buildLstm, disposeNetwork, type NetworkSpec } from "../lib/forecast/network";
import { createRandom } from "../lib/forecast/random";
import { trainNetwork } from "../lib/forecast/train";

// Without --repeats, indexOf is −1 and argv[0] (the node binary) would be read as the count.
const repeatsAt = process.argv.indexOf("--repeats");
const repeats = repeatsAt >= 0 ? Number(process.argv[repeatsAt + 1]) || 3 : 3;

function monthly500(): number[] {
  const random = createRandom(7);
  let noise = 0;
  return Array.from({ length: 500 }, (_, t) => {
    noise = 0.6 * noise + (random.next() - 0.5) * 0.1;
    return 100 * Math.exp(0.002 * t + 0.15 * Math.sin((2 * Math.PI * t) / 12) + noise);
  });
}

async function timed<T>(run: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6, value };
}

async function throughput(spec: NetworkSpec, batchSize: number, windows: number, epochs: number): Promise<number> {
  const random = createRandom(1);
  const data = {
    xs: Float32Array.from({ length: windows * spec.lookback * spec.channels }, () => random.next() - 0.5),
    ys: Float32Array.from({ length: windows * spec.horizon }, () => random.next() - 0.5),
    count: windows,
    lookback: spec.lookback,
    channels: spec.channels,
    horizon: spec.horizon,
    origins: new Int32Array(windows),
  };
  const network = buildLstm(spec, 1);
  const options = { batchSize, learningRate: 0.001, patience: epochs, loss: "mae" as const, dropout: 0, seed: 1 };
  await trainNetwork(network, data, { ...options, epochs: 1 }); // warm-up
  const { cpu } = await timed(() => trainNetwork(network, data, { ...options, epochs }));
  disposeNetwork(network);
  return (windows * epochs) / cpu;
}

async function main() {
  const backend = await initBackend();
  console.log(`backend ${backend.name}${backend.simd ? " SIMD" : ""}${backend.matMulFix ? " + transposed-matmul fix" : ""}, node ${process.version}`);
  const values = monthly500();
  const request = { series: [{ name: "monthly500", values }], horizon: 18, seasonLength: 12, frequency: "monthly" };
  const config = resolveConfig(request);
  console.log(`default config: lookback ${config.lookback} (patch ${config.patchLength}), ${config.ensembleSize}×${config.units} units, batch ${config.batchSize}, ${config.backtestOrigins} origins`);
  await runForecast({ ...request, config: { epochs: 2 } }); // warm-up
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const r = await timed(() => runForecast(request));
    const epochs = r.value.history.map((h) => `${h.stage} ${h.epochs.length}`).join(", ");
    console.log(`500-point monthly forecast #${i + 1}: ${r.wall.toFixed(1)} s wall, ${r.cpu.toFixed(1)} s CPU (${epochs} epochs)`);
    runs.push(r);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  console.log(`median: ${median(runs.map((r) => r.wall)).toFixed(1)} s wall, ${median(runs.map((r) => r.cpu)).toFixed(1)} s CPU`);

  const defaultSpec: NetworkSpec = { lookback: config.lookback, patch: config.patchLength, channels: config.differenceInput ? 2 : 1, horizon: 18, units: config.units, layers: config.layers, ensembleSize: config.ensembleSize };
  const reference: NetworkSpec = { lookback: 48, patch: 1, channels: 1, horizon: 12, units: 64, layers: 1, ensembleSize: 1 };
  const medianWall = median(runs.map((r) => r.wall));
  console.log(`  against the 20 s target: ${(medianWall / 20).toFixed(2)}× (below 1 meets it)`);
  console.log(`training throughput, windows/s of CPU time (ratios against the cpu backend measured here):`);
  const fixed = await throughput(reference, 64, 1024, 2);
  console.log(`  default monthly network (${config.ensembleSize} members), batch ${config.batchSize}: ${(await throughput(defaultSpec, config.batchSize, 1024, 3)).toFixed(0)}`);
  await initBackend({ force: true, matMulFix: false });
  const unfixed = await throughput(reference, 64, 512, 1);
  await initBackend({ prefer: "cpu", force: true });
  const cpuOnly = await throughput(reference, 64, 128, 1);
  console.log(`  reference network, wasm + fix: ${fixed.toFixed(0)} (${(fixed / cpuOnly).toFixed(1)}× cpu, ${(fixed / unfixed).toFixed(2)}× wasm without the fix)`);
  console.log(`  reference network, wasm without the fix: ${unfixed.toFixed(0)} (${(unfixed / cpuOnly).toFixed(1)}× cpu)`);
  console.log(`  reference network, cpu: ${cpuOnly.toFixed(0)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
