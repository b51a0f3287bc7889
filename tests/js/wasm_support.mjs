// Loads the built engine (build-wasm/huike_wasm.js, SINGLE_FILE so Node never fetches) and
// runs files through it and through the native CLI, for the node --test suites.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../../web/worker/dispatcher.js';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmJs = resolve(root, process.env.HUIKE_WASM_JS || 'build-wasm/huike_wasm.js');
export const cliPath = process.env.HUIKE_CLI || join(root, 'build/huike');
export const sharedData = resolve(root, '../shared/data');

const require = createRequire(import.meta.url);

export async function loadModule() {
  if (!existsSync(wasmJs)) throw new Error(`missing ${wasmJs}: run npm run build:wasm`);
  return require(wasmJs)();
}

// Deterministic chunk sizes: xorshift seeded per run.
export function chunker(seed, maxBytes) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    // Mostly small and odd sizes (to split UTF-8 sequences, quotes, CRLF), sometimes large.
    return x % 4 === 0 ? 1 + (x % maxBytes) : 1 + (x % 97);
  };
}

// The page's worker (web/worker/dispatcher.js) driven in this thread: ask(type, payload)
// resolves with the request's one reply; onProgress gets each PROGRESS message.
export function workerInThread(createModule, { heapLimits, onProgress = () => {} } = {}) {
  const waiting = new Map();
  const dispatcher = createDispatcher(createModule, (message) => {
    if (message.type === 'PROGRESS') onProgress(message);
    else waiting.get(message.id)(message);
  }, {}, heapLimits);
  let nextId = 1;
  const ask = (type, payload = {}) => {
    const id = nextId++;
    const reply = new Promise((resolve) => waiting.set(id, resolve));
    dispatcher.handle({ id, type, payload });
    return reply;
  };
  return { ask };
}

export function unwrap(text) {
  const reply = JSON.parse(text);
  if (!reply.ok) throw Object.assign(new Error(reply.message), reply);
  return reply;
}

// Feeds `bytes` in chunks from nextSize(); returns the report, or throws {code,...}.
export function runEngine(engine, bytes, { ingest = {}, analysis = {}, nextSize = () => 4 << 20 } = {}) {
  unwrap(engine.begin(JSON.stringify(ingest)));
  for (let offset = 0; offset < bytes.length; ) {
    const size = Math.min(nextSize(), bytes.length - offset);
    engine.chunkBuffer(size).set(bytes.subarray(offset, offset + size));
    unwrap(engine.feed(size));
    offset += size;
  }
  unwrap(engine.finish());
  return unwrap(engine.report(JSON.stringify(analysis))).report;
}

// Feeds the file at `path` in 4 MiB slices straight from disk, as the page reads a File
// (for the benchmarks: big files are never read whole), then finishes.
export function ingestFile(engine, path, ingest = {}) {
  unwrap(engine.begin(JSON.stringify(ingest)));
  const fd = openSync(path, 'r');
  const chunk = Buffer.alloc(4 << 20);
  for (let got; (got = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
    engine.chunkBuffer(got).set(chunk.subarray(0, got));
    unwrap(engine.feed(got));
  }
  closeSync(fd);
  unwrap(engine.finish());
}

// The native CLI: {report} or {error: {code, message, line}}.
export function runCli(file, args = []) {
  // A cross-check never skips: without the CLI the test fails, here and in CI.
  if (!existsSync(cliPath)) throw new Error(`native CLI missing (${cliPath}): build it first (scripts/build) or set HUIKE_CLI`);
  try {
    return { report: JSON.parse(execFileSync(cliPath, ['analyze', file, ...args], { maxBuffer: 1 << 28, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) };
  } catch (e) {
    const m = /error (E_[A-Z_]+): (.*?)(?: \(line (\d+)\))?\s*$/s.exec(String(e.stderr || ''));
    if (!m) throw e;
    return { error: { code: m[1], message: m[2], line: m[3] ? Number(m[3]) : 0 } };
  }
}

// `huike predict FILE ARGS...` → {report} or {error}; null when the CLI is not built.
export function runCliPredict(file, args = []) {
  return runCliCommand(['predict', file, ...args]);
}

// `huike customers FILE --out TMP ARGS...` → {csv: Buffer} or {error}.
export function runCliCustomers(file, out, args = []) {
  const result = runCliCommand(['customers', file, '--out', out, ...args], true);
  return result && !result.error ? { csv: readFileSync(out) } : result;
}

function runCliCommand(args, noJson = false) {
  if (!existsSync(cliPath)) throw new Error(`native CLI missing (${cliPath}): build it first (scripts/build) or set HUIKE_CLI`);
  try {
    const out = execFileSync(cliPath, args, { maxBuffer: 1 << 28, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return noJson ? {} : { report: JSON.parse(out) };
  } catch (e) {
    const m = /error (E_[A-Z_]+): (.*?)(?: \(line (\d+)\))?\s*$/s.exec(String(e.stderr || ''));
    if (!m) throw e;
    return { error: { code: m[1], message: m[2], line: m[3] ? Number(m[3]) : 0 } };
  }
}

// Deep equality, numbers within a relative 1e-6: the model fits run through libm
// (musl in wasm, glibc natively), whose last bits differ.
export function assertClose(actual, expected, path = '$') {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tolerance = 1e-6 * Math.max(Math.abs(actual), Math.abs(expected)) + 1e-9;
    if (!(Math.abs(actual - expected) <= tolerance) && !(Number.isNaN(actual) && Number.isNaN(expected))) {
      throw new Error(`${path}: ${actual} != ${expected}`);
    }
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') throw new Error(`${path}: ${JSON.stringify(actual)} is not an object`);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) assertClose(actual[k], expected[k], `${path}.${k}`);
    return;
  }
  if (actual !== expected) throw new Error(`${path}: ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
}

// Order files to compare: the shared fixtures plus the real data sets.
export function inputFiles() {
  const fixtures = join(root, 'tests/fixtures');
  const list = existsSync(fixtures)
    ? readdirSync(fixtures).filter((f) => /\.(csv|tsv|txt)$/i.test(f)).map((f) => join(fixtures, f))
    : [];
  for (const f of ['online-retail-ii/online_retail_II_subset.csv', 'cdnow/cdnowElog.csv', 'cdnow/CDNOW_master.txt', 'tmall/tmall_order_report.csv']) {
    if (existsSync(join(sharedData, f))) list.push(join(sharedData, f));
  }
  list.push(join(root, 'web/demo/demo_orders.csv'));
  return list;
}
