// node bench/wasm_memory.mjs FILE [OPTIONS_JSON]: the wasm engine's memory (memoryStats) while
// it analyses FILE under Node as the page's worker does (4 MiB slices, size_bytes given):
// after reading it (finished), after the first report. The high-water mark is what the tab
// holds for the engine (a wasm heap never shrinks). HUIKE_WASM_JS picks the module.
import { statSync } from 'node:fs';
import { ingestFile, loadModule, unwrap } from '../tests/js/wasm_support.mjs';

const [file, options = '{}'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/wasm_memory.mjs FILE [OPTIONS_JSON]');
const module = await loadModule();
const engine = new module.Engine();
const mb = (bytes) => `${(bytes / (1 << 20)).toFixed(0)} MB`;
const show = (stage) => {
  const m = unwrap(module.memoryStats());
  console.log(`${stage.padEnd(20)} heap ${mb(m.heap_bytes).padStart(8)}  high-water ${mb(m.high_water_bytes).padStart(8)}  in use ${mb(m.in_use_bytes).padStart(8)}`);
};
ingestFile(engine, file, { size_bytes: statSync(file).size });
show('after finish');
unwrap(engine.report(options));
show('after first report');
