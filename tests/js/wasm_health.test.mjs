// The health view's exports through the worker protocol (HEALTH_CSV) are byte for byte the
// native CLI's `huike cohorts` / `huike migration` files; options reach the engine.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadModule, root, sharedData, cliPath } from './wasm_support.mjs';
import { createDispatcher } from '../../web/worker/dispatcher.js';

const require = createRequire(import.meta.url);
const createModule = require(join(root, process.env.HUIKE_WASM_JS || 'build-wasm/huike_wasm.js'));
const file = join(sharedData, 'cdnow/CDNOW_master.txt');

function harness() {
  const waiting = new Map();
  const dispatcher = createDispatcher(createModule, (m) => m.type !== 'PROGRESS' && waiting.get(m.id)?.(m));
  let id = 1;
  return (type, payload) => new Promise((resolve) => {
    waiting.set(id, resolve);
    dispatcher.handle({ id: id++, type, payload });
  });
}

// A cross-check never skips: without the CLI the test fails.
function cli(command, args) {
  if (!existsSync(cliPath)) throw new Error(`native CLI missing (${cliPath}): build it first or set HUIKE_CLI`);
  const dir = mkdtempSync(join(tmpdir(), 'huike-health-'));
  try {
    execFileSync(cliPath, [command, file, '--out', join(dir, 'out.csv'), ...args]);
    return readFileSync(join(dir, 'out.csv'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

before(loadModule);

test('HEALTH_CSV cohorts and migration equal the CLI exports', async () => {
  const send = harness();
  const analyzed = await send('ANALYZE', { sources: [new Blob([readFileSync(file)])], options: { compare_as_of: '1998-01-01' } });
  assert.equal(analyzed.type, 'RESULT');
  assert.equal(analyzed.payload.report.migration.earlier.as_of, '1998-01-01');
  assert.equal(analyzed.payload.report.health.cohorts.months.length, 3); // Q1 1997
  const cohorts = await send('HEALTH_CSV', { options: {}, kind: 'cohorts' });
  assert.deepEqual(Buffer.from(cohorts.payload.bytes), cli('cohorts', []));
  const migration = await send('HEALTH_CSV', { options: { compare_as_of: '1998-01-01' }, kind: 'migration' });
  assert.deepEqual(Buffer.from(migration.payload.bytes), cli('migration', ['--compare-as-of', '1998-01-01']));
  const bad = await send('HEALTH_CSV', { options: {}, kind: 'customers' });
  assert.equal(bad.type, 'ERROR');
  assert.equal(bad.error.code, 'E_BAD_OPTION');
  const late = await send('REPORT', { options: { compare_as_of: '1998-07-01' } });
  assert.equal(late.error.code, 'E_BAD_OPTION'); // not before the analysis date
});
