// The types: a portal's TypeScript compiles against dist/huike-embed.d.ts, misuse does not,
// and a misspelt worker request in the page's own code fails the type check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function compile(args) {
  const r = spawnSync(process.execPath, [tsc, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}
const common = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'es2022,dom'];

test('dist/huike-embed.d.ts exists next to the module', () => {
  assert.ok(existsSync(join(root, 'dist/huike-embed.d.ts')), 'run the build first');
});

test('a portal consumer compiles against the shipped types', () => {
  const r = compile(['-p', join(here, 'tsconfig.json')]);
  assert.equal(r.status, 0, r.out);
});

test('misuse of the public API is a type error, line by line', () => {
  const r = compile([...common, join(here, 'misuse.ts')]);
  assert.notEqual(r.status, 0);
  for (const line of [5, 6, 7, 8]) assert.match(r.out, new RegExp(`misuse\\.ts\\(${line},`), r.out);
});

test('a misspelt request type or payload field in web code fails tsc --checkJs', () => {
  const r = compile([...common, '--allowJs', '--checkJs', '--strict', 'false', join(here, 'misspelt_request.js'), join(root, 'web/types/globals.d.ts')]);
  assert.notEqual(r.status, 0);
  for (const line of [5, 6, 7]) assert.match(r.out, new RegExp(`misspelt_request\\.js\\(${line},`), r.out);
});
