// The member list and the win-back contact plan in wasm against the native CLI (`huike
// winback`), byte for byte, on the real CDNOW sample and on a fixture with a GBK member list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModule, runEngine, unwrap, cliPath, root, sharedData } from './wasm_support.mjs';

const memberList = join(root, 'tests/fixtures/member_lists/members_gbk.csv');
let engine;
let scratch;
before(async () => {
  const Module = await loadModule();
  engine = new Module.Engine();
  scratch = mkdtempSync(join(tmpdir(), 'huike-winback-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

function cliPlan(file, args) {
  if (!existsSync(cliPath)) throw new Error(`native CLI missing (${cliPath}): build it first`);
  const out = join(scratch, 'plan.csv');
  execFileSync(cliPath, ['winback', file, '--out', out, ...args]);
  return readFileSync(out);
}

function wasmPlan(filter, lang) {
  unwrap(engine.winbackCsv('{}', JSON.stringify(filter), lang));
  const bytes = Buffer.from(engine.csvBytes().slice());
  engine.releaseCsv();
  return bytes;
}

for (const [name, file] of [['CDNOW sample', join(sharedData, 'cdnow/cdnowElog.csv')], ['small orders', join(root, 'tests/fixtures/small_orders.csv')]]) {
  test(`${name}: the contact plan with a GBK member list is the CLI's`, () => {
    const report = runEngine(engine, readFileSync(file));
    assert.equal(report.winback.member_list, null);
    const bytes = readFileSync(memberList);
    engine.chunkBuffer(bytes.length).set(bytes);
    const list = unwrap(engine.loadMemberList(bytes.length, '{}')).member_list;
    assert.equal(list.rows, 6);
    assert.equal(list.members, 4);
    assert.equal(list.encoding, 'gb18030');
    const withList = unwrap(engine.report('{}')).report;
    assert.equal(withList.winback.member_list.members_without_orders, withList.winback.tiers[0].customers);
    assert.deepEqual(wasmPlan({}, 'en'), cliPlan(file, ['--members', memberList, '--lang', 'en']));
    assert.deepEqual(wasmPlan({ tier: 'members_no_order' }, 'zh-CN'), cliPlan(file, ['--members', memberList, '--tier', 'members_no_order']));
    unwrap(engine.clearMemberList());
    assert.equal(unwrap(engine.report('{}')).report.winback.member_list, null);
  });
}

test('a member list without an id column is an error value with its code', () => {
  runEngine(engine, readFileSync(join(root, 'tests/fixtures/small_orders.csv')));
  const bytes = Buffer.from('注册时间,备注\n2024-01-01,x\n');
  engine.chunkBuffer(bytes.length).set(bytes);
  const reply = JSON.parse(engine.loadMemberList(bytes.length, '{}'));
  assert.equal(reply.ok, false);
  assert.equal(reply.code, 'E_NO_MEMBER_ID_COLUMN');
});
