// node bench/wasm_rerun.mjs [--runs N] [--only A,B] ROWS...: bench_rerun's timings for the wasm engine
// under Node (the page's worker runs the same module): reads bench/out/orders_N.csv once,
// then times report() — the call, its JSON text and JSON.parse, as the worker does — for each
// setting that `build/bench_rerun --print-settings` lists. HUIKE_WASM_JS picks the module.
import { execFileSync } from 'node:child_process';
import { ingestFile, loadModule, root, unwrap } from '../tests/js/wasm_support.mjs';

const args = process.argv.slice(2);
let runs = 5;
let only = [];  // --only A,B: the settings whose name holds A or B
const sizes = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--only') only = args[++i].split(',');
  else sizes.push(Number(args[i]));
}
if (!sizes.length) sizes.push(1000000);

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];


const report = (engine, options) => unwrap(engine.report(JSON.stringify(options))).report;

console.log(`wasm (node ${process.version}), median of ${runs} runs per setting`);
for (const rows of sizes) {
  const module = await loadModule();
  const engine = new module.Engine();
  let start = performance.now();
  ingestFile(engine, `${root}/bench/out/orders_${rows}.csv`);
  const ingestMs = performance.now() - start;
  start = performance.now();
  const first = report(engine, {});
  const firstMs = performance.now() - start;
  const lastDay = new Date(Date.parse(first.analysis.as_of) - 86400000).toISOString().slice(0, 10);
  const settings = JSON.parse(execFileSync(`${root}/build/bench_rerun`, ['--runs', String(runs), '--print-settings', lastDay], { encoding: 'utf8' }));
  console.log(`rows ${rows}\n  ingest ${(ingestMs / 1000).toFixed(3)} s   first report ${firstMs.toFixed(0)} ms`);
  for (const { name, runs: options } of settings) {
    if (only.length && !only.some((part) => name.includes(part))) continue;
    const times = options.map((o) => {
      const t = performance.now();
      report(engine, o);
      return performance.now() - t;
    });
    console.log(`  re-run, ${(name + ':').padEnd(34)} ${median(times).toFixed(1).padStart(7)} ms`);
  }
  engine.delete?.();
}
