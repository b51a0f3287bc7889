// Every error code of the registry has a zh-CN and an English message on the page, and the
// portal types (dist/huike-embed.d.ts) list exactly the registry's codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../web/protocol/error_codes.js';
import zh from '../../web/i18n/zh-CN.js';
import en from '../../web/i18n/en.js';
import { root } from './wasm_support.mjs';

test('every error code has a Chinese and an English title', () => {
  assert.ok(ERROR_CODES.length > 20);
  const missing = ERROR_CODES.flatMap((code) => [zh, en].filter((s) => !s['err_' + code]).map((s) => `${code} (${s === zh ? 'zh-CN' : 'en'})`));
  assert.deepEqual(missing, []);
});

test('the portal types name exactly the registry codes', () => {
  const dts = readFileSync(join(root, 'web/types/huike-embed.d.ts'), 'utf8');
  const union = /export type ErrorCode =([^;]*);/.exec(dts);
  assert.ok(union, 'ErrorCode union in the d.ts');
  const typed = [...union[1].matchAll(/'(E_[A-Z0-9_]+)'/g)].map((m) => m[1]);
  assert.deepEqual([...typed].sort(), [...ERROR_CODES].sort());
});
