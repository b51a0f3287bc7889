// Issue 11 in wasm: the identity choice re-reads the WooCommerce guest export (customer
// counts worked out by hand in tests/cpp/identity_choice_test.cpp: auto 5, e-mail 4), and the
// customers CSV carries phone and e-mail with zh-CN or English headers (written by hand).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule, runEngine, unwrap, root } from './wasm_support.mjs';

const guests = readFileSync(join(root, 'tests/fixtures/woocommerce_guests.csv'));
let engine;
before(async () => {
  const Module = await loadModule();
  engine = new Module.Engine();
});

function customersCsv(analysis) {
  unwrap(engine.customersCsv(JSON.stringify(analysis), '{}', ''));
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(engine.csvBytes().slice());
  engine.releaseCsv();
  return text;
}

test('identity email: 4 customers instead of 5, and the report says so', () => {
  const auto = runEngine(engine, guests);
  assert.equal(auto.totals.customers, 5);
  assert.equal(auto.input.customer_identity.mode, 'auto');
  const byEmail = runEngine(engine, guests, { ingest: { identity: 'email' } });
  assert.equal(byEmail.totals.customers, 4);
  assert.equal(byEmail.input.customer_identity.mode, 'email');
  assert.equal(byEmail.input.customer_identity.identity_column, 'billing_email');
});

test('customers CSV: zh headers and contact columns; en keeps the keys', () => {
  runEngine(engine, guests);
  const zh = customersCsv({ csv_lang: 'zh' });
  assert.ok(zh.startsWith('\uFEFF客户,手机,邮箱,最近购买距今天数,购买次数,消费金额,'), zh.slice(0, 80));
  assert.match(zh, /\r\nbob@example\.com,555-0102,bob@example\.com,/);
  assert.match(zh, /\r\n12,555-0101,ann@example\.com,/);
  const en = customersCsv({});
  assert.ok(en.startsWith('\uFEFFcustomer_id,phone,email,recency_days,frequency,monetary,'), en.slice(0, 80));
  assert.equal(zh.slice(zh.indexOf('\r\n')), en.slice(en.indexOf('\r\n')));
  assert.throws(() => customersCsv({ csv_lang: 'fr' }), /csv_lang|E_BAD_OPTION/);
});
