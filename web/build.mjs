// Builds dist/ with esbuild: huike.html (one self-contained file: styles, the page bundle
// with ECharts, the worker with the engine + wasm inlined, demo data; works from file:// offline),
// index.html (the same page, served), huike-embed.mjs (ES module for portals: createAnalyzer
// and <huike-report>), huike-embed.d.ts, and the two example pages.
// Usage: node web/build.mjs [--wasm build-wasm/huike_wasm.js] [--out dist]
import { readFileSync, writeFileSync, mkdirSync, existsSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

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

const template = read(join(web, 'index.html'));
const main = template.match(/<main>([\s\S]*)<\/main>/);
if (!main || !template.includes('<!--@STYLES@-->') || !template.includes('<!--@SCRIPTS@-->')) {
  throw new Error('web/index.html lacks <main>, <!--@STYLES@--> or <!--@SCRIPTS@-->');
}
const styles = read(join(web, 'styles.css'));

// The bundles' build-time inputs, as modules: huike:worker-source, huike:demo-csv, …
const virtual = (sources) => ({
  name: 'huike-virtual',
  setup(build) {
    build.onResolve({ filter: /^huike:/ }, (a) => ({ path: a.path, namespace: 'huike' }));
    build.onLoad({ filter: /.*/, namespace: 'huike' }, (a) => {
      if (!(a.path in sources)) throw new Error('unknown build input ' + a.path);
      return { contents: `export default ${JSON.stringify(sources[a.path]())};`, loader: 'js' };
    });
  },
});

const bundle = async (entry, format, sources) => {
  const result = await esbuild.build({
    entryPoints: [join(web, entry)], bundle: true, format, write: false, charset: 'utf8',
    target: ['chrome95', 'firefox100', 'safari15'], legalComments: 'none', minify: true,
    plugins: [virtual(sources)], logLevel: 'warning',
  });
  return result.outputFiles[0].text;
};

// The worker: the engine glue (defines createHuikeModule) then the dispatcher.
const workerSource = read(wasmJs) + '\n' + (await bundle('worker/entry.js', 'iife', {}));
const sources = {
  'huike:worker-source': () => workerSource,
  'huike:demo-csv': () => read(join(web, 'demo', 'demo_orders.csv')),
  'huike:page-markup': () => main[1],
  'huike:styles': () => styles + '\n:host { display: block; }\n',
};
const pageJs = await bundle('main.js', 'iife', sources);
const embedJs = await bundle('embed/index.js', 'esm', sources);

// Code inlined into <script>: only a literal "</script" could end the element early.
const inlineCode = (code) => `<script>\n${code.replace(/<\/(script)/gi, '<\\/$1')}\n</script>`;
const page = template
  .replace('<!--@STYLES@-->', () => `<style>\n${styles}</style>`)
  .replace('<!--@SCRIPTS@-->', () => inlineCode(pageJs));
const embed = embedJs;

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'huike.html'), page);
writeFileSync(join(out, 'index.html'), page);
writeFileSync(join(out, 'huike-embed.mjs'), embed);
// .d.ts as asked; .d.mts is what TypeScript reads for an import of './huike-embed.mjs'.
for (const name of ['huike-embed.d.ts', 'huike-embed.d.mts']) copyFileSync(join(web, 'types', 'huike-embed.d.ts'), join(out, name));
copyFileSync(join(web, 'types', 'huike-report.d.ts'), join(out, 'huike-report.d.ts')); // the report's types, imported by it
for (const example of ['embed-example.html', 'component-example.html', 'component-example.js']) copyFileSync(join(web, example), join(out, example));

const kb = (s) => (Buffer.byteLength(s) / 1024).toFixed(0) + ' KiB';
console.log(`dist/huike.html ${kb(page)} (engine ${kb(read(wasmJs))}, page ${kb(pageJs)})`);
console.log(`dist/huike-embed.mjs ${kb(embed)}`);
