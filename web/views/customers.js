// A customer list (a segment, a grid cell or a status), paged and sorted by the engine, and
// its CSV export (with the prediction columns when predictions were run).
import { csvLang } from './csv_lang.js';
import { t, segName } from '../i18n/index.js';
import { el, download } from '../app/dom.js';
import { fmtInt, fmtMoney } from '../app/format.js';
import { RequestType } from '../protocol/requests.js';

/** @typedef {import('../types/huike-embed').CustomersPage} CustomersPage */
/** @typedef {import('../types/huike-embed').CustomerSort} CustomerSort */

const PAGE_SIZE = 50;
/** @type {[string, boolean][]} column, numeric */
const COLUMNS = [
  ['customer_id', false], ['phone', false], ['email', false], ['recency_days', true], ['frequency', true], ['monetary', true], ['average_order_value', true],
  ['rfm', false], ['segment_eight', false], ['segment_grid', false], ['status', false], ['last_purchase', true],
];

/** @type {import('./registry.js').ViewDefinition} */
export const customersView = {
  id: 'customers',
  create(app) {
    const { $, store } = app;

    async function loadPage() {
      const list = store.list;
      if (!list) return;
      const listRun = ++list.run;
      let page;
      try {
        page = await app.client().request(RequestType.CUSTOMERS_PAGE, {
          options: { analysis: store.analysis },
          query: { filter: list.filter, sort: list.sort, descending: list.descending, offset: list.offset, limit: PAGE_SIZE },
        });
      } catch (error) {
        $('customers-action').textContent = /** @type {Error} */ (error).message;
        return;
      }
      if (store.list !== list || list.run !== listRun) return;
      list.total = page.total;
      renderPage(page);
    }

    /** @param {CustomersPage} page */
    function renderPage(page) {
      const list = store.list;
      const r = store.report;
      if (!list || !r) return;
      const byKey = (/** @type {import('../types/huike-embed').Segment[]} */ arr) => Object.fromEntries(arr.map((s) => [s.key, s]));
      const eight = byKey(r.segments.eight);
      const grid = byKey(r.segments.grid);
      $('customers-title').textContent = t('customers_of', { name: list.title, n: fmtInt(page.total) });
      $('customers-action').textContent = list.note || '';
      const table = $('customers-table');
      table.replaceChildren();
      const head = el('tr');
      for (const [key, numeric] of COLUMNS) {
        const sortable = key !== 'rfm' && !key.startsWith('segment') && key !== 'status' && key !== 'phone' && key !== 'email';
        const th = el('th', { class: (numeric ? 'num ' : '') + (sortable ? 'sortable' : ''), text: t('c_' + key) });
        if (sortable) {
          th.tabIndex = 0;
          th.dataset.sort = key;
          if (list.sort === key) th.append(el('span', { class: 'sort-mark', text: list.descending ? ' ▼' : ' ▲' }));
          const sort = () => {
            list.descending = list.sort === key ? !list.descending : key !== 'customer_id';
            list.sort = /** @type {CustomerSort} */ (key);
            list.offset = 0;
            loadPage();
          };
          th.addEventListener('click', sort);
          th.addEventListener('keydown', (e) => e.key === 'Enter' && sort());
        }
        head.append(th);
      }
      table.append(el('thead', null, [head]));
      const body = el('tbody');
      for (const c of page.rows) {
        body.append(
          el('tr', null, [
            el('td', { class: 'id', text: c.customer_id }), // file content: text only
            el('td', { text: c.phone || '' }),
            el('td', { text: c.email || '' }),
            el('td', { class: 'num', text: fmtInt(c.recency_days) }),
            el('td', { class: 'num', text: fmtInt(c.frequency) }),
            el('td', { class: 'num', text: fmtMoney(c.monetary) }),
            el('td', { class: 'num', text: fmtMoney(c.average_order_value) }),
            el('td', { class: 'num', text: c.r_score + '/' + c.f_score + '/' + c.m_score }),
            el('td', { text: eight[c.segment_eight] ? segName(eight[c.segment_eight]) : c.segment_eight }),
            el('td', { text: grid[c.segment_grid] ? segName(grid[c.segment_grid]) : c.segment_grid }),
            el('td', { text: t('status_' + c.status) + (c.sleeping && c.status !== 'sleeping' ? ' · ' + t('status_sleeping') : '') }),
            el('td', { class: 'num', text: c.last_purchase }),
          ])
        );
      }
      if (!page.rows.length) body.append(el('tr', null, [el('td', { colspan: String(COLUMNS.length), class: 'muted', text: t('no_customers') })]));
      table.append(body);
      const from = page.total ? list.offset + 1 : 0;
      $('pager-info').textContent = t('pager', { from: fmtInt(from), to: fmtInt(list.offset + page.rows.length), total: fmtInt(page.total) });
      $('btn-prev').disabled = list.offset === 0;
      $('btn-next').disabled = list.offset + PAGE_SIZE >= page.total;
    }

    async function exportCsv() {
      const list = store.list;
      const report = store.report;
      if (!list || !report) return;
      const button = $('btn-export');
      button.disabled = true;
      try {
        const { bytes } = await app.client().request(RequestType.CUSTOMERS_CSV, {
          options: { analysis: store.analysis, csv_lang: csvLang() },
          filter: list.filter,
          predict: store.predict ? store.predictOptions : null,
        });
        const key = Object.values(list.filter)[0] || 'customers';
        download(bytes, 'huike_' + key + '_' + report.analysis.as_of + '.csv');
      } catch (error) {
        $('customers-action').textContent = /** @type {Error} */ (error).message;
      } finally {
        button.disabled = false;
      }
    }

    app.actions.openList = (filter, title, note) => {
      store.list = { filter, title, note, sort: 'monetary', descending: true, offset: 0, total: 0, run: 0 };
      $('customers').hidden = false;
      loadPage().then(() => $('customers').scrollIntoView({ behavior: 'smooth', block: 'start' }));
    };
    $('btn-customers-close').addEventListener('click', () => {
      store.list = null;
      $('customers').hidden = true;
    });
    $('btn-prev').addEventListener('click', () => {
      if (!store.list) return;
      store.list.offset = Math.max(0, store.list.offset - PAGE_SIZE);
      loadPage();
    });
    $('btn-next').addEventListener('click', () => {
      if (!store.list) return;
      store.list.offset += PAGE_SIZE;
      loadPage();
    });
    $('btn-export').addEventListener('click', exportCsv);
    return {
      render() {
        if (store.list) loadPage();
      },
    };
  },
};
