// Every error code of the registry has a zh-CN and an English message on the page, and the
// portal types (dist/huike-embed.d.ts) list exactly the registry's codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../web/protocol/error_codes.js';
import zh0 from '../../web/i18n/zh-CN.js';
import en0 from '../../web/i18n/en.js';
import { strings, FEATURES } from '../../web/i18n/index.js';
import { root } from './wasm_support.mjs';

const zh = strings['zh-CN'];
const en = strings.en;

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

test('no string key is defined twice across the common and the feature files', () => {
  const files = [{ 'zh-CN': zh0, en: en0 }, ...FEATURES];
  for (const lang of /** @type {const} */ (['zh-CN', 'en'])) {
    const seen = new Map();
    const twice = [];
    files.forEach((file, i) => {
      for (const key of Object.keys(file[lang] || {})) {
        if (seen.has(key)) twice.push(`${lang} ${key} (files ${seen.get(key)} and ${i})`);
        else seen.set(key, i);
      }
    });
    assert.deepEqual(twice, []);
  }
});

test('every feature file has the same keys in both languages', () => {
  for (const file of FEATURES) {
    assert.deepEqual(Object.keys(file.en).sort(), Object.keys(file['zh-CN']).sort());
  }
});
