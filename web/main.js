// The offline page's entry (bundled into one classic script inlined in dist/huike.html).
import workerSource from 'huike:worker-source';
import demoCsv from 'huike:demo-csv';
import { createPage } from './app/page.js';
import { t, lang, setLang } from './i18n/index.js';

const page = createPage({ root: document, host: document.body, workerSource });
const select = /** @type {HTMLSelectElement} */ (/** @type {unknown} */ (page.$("lang")));

/** @param {string} value */
function setLanguage(value) {
  setLang(value);
  select.value = lang();
  document.title = lang() === 'zh-CN' ? '回客 Huike · 客户留存分析' : 'Huike · customer retention analytics';
  page.relabel();
}

let saved = null;
try {
  saved = localStorage.getItem('huike.lang'); // the language only, never data
} catch (e) {
  /* file:// may refuse storage */
}
setLanguage(saved || navigator.language || 'zh-CN');
select.addEventListener('change', () => {
  try {
    localStorage.setItem('huike.lang', select.value);
  } catch (err) {
    /* ignore */
  }
  setLanguage(select.value);
});

page.$('btn-demo').addEventListener('click', () => {
  page.store.ingest = {};
  page.store.analysis = {};
  page.store.asOfSet = false;
  page.actions.analyze([new File([demoCsv], 'demo_orders.csv', { type: 'text/csv' })], t('demo_name'));
});

// Start compiling the engine while the user picks a file; data-engine tells tests and the benchmark.
page
  .client()
  .request('MEMORY', {})
  .then(
    () => (document.body.dataset.engine = 'ready'),
    (e) => (document.body.dataset.engine = 'failed: ' + e.code)
  );
