// Builds dist/: huike.html (one self-contained file: styles, ECharts, engine + wasm, demo data
// all inlined; works double-clicked from file:// offline), index.html (the same page, served),
// huike-embed.mjs (the ES module for seller portals) and embed-example.html.
// Usage: node web/build.mjs [--wasm build-wasm/huike_wasm.js] [--out dist]
import { readFileSync, writeFileSync, mkdirSync, existsSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const wasmJs = resolve(root, arg('--wasm', process.env.HUIKE_WASM_JS || 'build-wasm/huike_wasm.js'));
const out = resolve(root, arg('--out', 'dist'));
const web = join(root, 'web');
const read = (path) => readFileSync(path, 'utf8');

if (!existsSync(wasmJs)) {
  console.error(`missing ${wasmJs}: run npm run build:wasm first`);
  process.exit(1);
}
const echartsPath = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');

// Code inlined into <script>: only a literal "</script" could end the element early.
const inlineCode = (code) => `<script>\n${code.replace(/<\/(script)/gi, '<\\/$1')}\n</script>`;
// Text carried as a JS string literal; "<" escaped so no HTML parser sees a tag in it.
const stringLiteral = (text) => JSON.stringify(text).replace(/</g, '\\u003c');

const workerSource = read(wasmJs) + '\n' + read(join(web, 'worker_dispatcher.js'));
const demoCsv = read(join(web, 'demo', 'demo_orders.csv'));

const scripts = [
  inlineCode(read(echartsPath)),
  inlineCode(`var HUIKE_WORKER_SOURCE = ${stringLiteral(workerSource)};\nvar HUIKE_DEMO_CSV = ${stringLiteral(demoCsv)};`),
  ...['i18n.js', 'engine_client.js', 'charts.js', 'app.js'].map((f) => inlineCode(read(join(web, f)))),
].join('\n');

const template = read(join(web, 'index.html'));
for (const marker of ['<!--@STYLES@-->', '<!--@SCRIPTS@-->']) {
  if (!template.includes(marker)) throw new Error(`web/index.html lacks ${marker}`);
}
const page = template
  .replace('<!--@STYLES@-->', () => `<style>\n${read(join(web, 'styles.css'))}</style>`)
  .replace('<!--@SCRIPTS@-->', () => scripts);

const embedTemplate = read(join(web, 'huike-embed.mjs'));
const embed = embedTemplate
  .replace('/*@HUIKE_WORKER_SOURCE@*/ null', () => stringLiteral(workerSource))
  .replace('/*@HUIKE_CLIENT@*/', () => read(join(web, 'engine_client.js')));
if (embed === embedTemplate) throw new Error('web/huike-embed.mjs lacks its markers');

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'huike.html'), page);
writeFileSync(join(out, 'index.html'), page);
writeFileSync(join(out, 'huike-embed.mjs'), embed);
copyFileSync(join(web, 'embed-example.html'), join(out, 'embed-example.html'));

const kb = (s) => (Buffer.byteLength(s) / 1024).toFixed(0) + ' KiB';
console.log(`dist/huike.html ${kb(page)} (engine ${kb(read(wasmJs))}, demo ${kb(demoCsv)})`);
console.log(`dist/huike-embed.mjs ${kb(embed)}`);
