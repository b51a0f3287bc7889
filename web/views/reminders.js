// The Reminders view (回购提醒, seed 002): who runs out soon and who is overdue, from each
// customer's rhythm or from product consumption (a dropped consumption table, else learned
// days per unit); the reminders-per-day chart; both lists paged, exported as one CSV.
import { csvLang } from './csv_lang.js';
import { showEngineError } from '../app/errors.js';
import { t } from '../i18n/index.js';
import { el, download } from '../app/dom.js';
import { fmtInt, fmtNum } from '../app/format.js';
import { RequestType } from '../protocol/requests.js';
import { mergedOptions, viewReport, card, numberSetting, showSetting, tableHead, pager, perDayChart } from './product_parts.js';

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').ReminderRow} ReminderRow */

const PAGE = 20;
/** @type {[string, boolean, boolean][]} */
const COLUMNS = [
  ['customer_id', false, false], ['product', false, false], ['source', false, false], ['last_purchase', true, false],
  ['quantity', true, false], ['days_per_unit', true, false], ['due_date', true, false], ['reminder_date', true, false],
  ['channel', false, false],
];

/** @type {import('./registry.js').ViewDefinition} */
export const remindersView = {
  id: 'reminders',
  tab: 'remind_tab',
  create(app) {
    const { store } = app;
    const panel = app.$('view-reminders');
    const opts = store.remindOptions;
    let run = 0;
    const rerender = () => store.report && safeRender(store.report);
    const settings = [
      numberSetting('remind-within', 'remind_set_within', 'remind_within_days', 14, opts, rerender),
      numberSetting('remind-before', 'remind_set_before', 'remind_days_before', 7, opts, rerender),
      numberSetting('remind-overdue', 'remind_set_overdue', 'overdue_max_days', 30, opts, rerender),
      numberSetting('remind-learn', 'remind_set_learn', 'learn_min_customers', 20, opts, rerender),
    ];
    const fileInput = el('input', { id: 'remind-consumption-input', type: 'file', accept: '.csv,.tsv,.txt,text/csv', hidden: '' });
    const status = el('span', { id: 'remind-consumption-status', class: 'muted small' });
    const error = el('p', { id: 'remind-error', class: 'error-text' });
    const removeButton = el('button', { type: 'button', class: 'btn', id: 'remind-consumption-remove', 'data-i18n': 'remind_consumption_remove', hidden: '' });
    const drop = el('div', { id: 'remind-drop', class: 'dropzone small-drop', tabindex: '0' }, [
      el('span', { 'data-i18n': 'remind_consumption_drop' }), fileInput,
    ]);
    const rules = el('ul', { id: 'remind-rules', class: 'rules' });
    const chart = el('div', { id: 'remind-chart', class: 'chart' });
    const learned = el('table', { id: 'remind-learned', class: 'table' });
    const lists = {
      remind_now: { table: el('table', { id: 'remind-now-table', class: 'table' }), offset: 0, total: 0, pager: pager('remind-now', () => turn('remind_now', -1), () => turn('remind_now', 1)) },
      overdue: { table: el('table', { id: 'remind-overdue-table', class: 'table' }), offset: 0, total: 0, pager: pager('remind-overdue', () => turn('overdue', -1), () => turn('overdue', 1)) },
    };
    const exportButton = el('button', { type: 'button', class: 'btn primary', id: 'remind-export', 'data-i18n': 'remind_export' });
    panel.append(
      card('remind_title', [
        el('p', { class: 'muted', 'data-i18n': 'remind_intro' }),
        el('div', { class: 'settings-row' }, settings.map((s) => s.node)),
        el('div', { class: 'consumption' }, [drop, status, removeButton]),
        error,
        rules,
      ], 'remind-asof'),
      card('remind_chart_title', [chart]),
      card('remind_now_title', [lists.remind_now.table, lists.remind_now.pager.node, exportButton], 'remind-now-count'),
      card('remind_overdue_title', [lists.overdue.table, lists.overdue.pager.node], 'remind-overdue-count'),
      card('remind_learned_title', [learned], 'remind-learned-note')
    );

    /** @param {Report} report */
    async function render(report) {
      const mine = ++run;
      const full = await viewReport(app, report, error, () => mine === run);
      if (!full) return;
      const r = full.replenishment;
      const s = r.settings;
      showSetting(settings[0].input, s.remind_within_days);
      showSetting(settings[1].input, s.remind_days_before);
      showSetting(settings[2].input, s.overdue_max_days);
      showSetting(settings[3].input, s.learn_min_customers);
      app.$('remind-asof').textContent = t('remind_asof', { d: r.as_of });
      const src = r.sources;
      const rule = (/** @type {string} */ key, /** @type {number} */ n, /** @type {Record<string, string | number>} */ vars) =>
        el('li', { dataset: { rule: key, value: String(n) } }, [el('span', { text: t('remind_rule_' + key, vars) + ' ' }), el('b', { text: fmtInt(n) })]);
      rules.replaceChildren(
        rule('now', r.remind_now.count, { within: s.remind_within_days, before: s.remind_days_before, d: r.as_of }),
        rule('overdue', r.overdue.count, { days: s.overdue_max_days }),
        rule('rhythm', src.rhythm.estimates, {}),
        rule('table', src.consumption_table.estimates, { rows: r.consumption_table ? r.consumption_table.rows : 0, matched: r.consumption_table ? r.consumption_table.matched_products : 0 }),
        rule('learned', src.learned.estimates, { n: s.learn_min_customers, products: r.learned_products.length }),
      );
      status.textContent = r.consumption_table
        ? t('remind_consumption_loaded', { name: store.consumptionName, rows: r.consumption_table.rows, matched: r.consumption_table.matched_products })
        : r.product_column ? t('remind_consumption_none') : t('remind_no_product_column');
      removeButton.hidden = !r.consumption_table;
      perDayChart(chart, r.per_day);
      app.$('remind-learned-note').textContent = t('remind_learned_note', { n: s.learn_min_customers, skipped: r.not_learned.products, most: r.not_learned.most_customers });
      learned.replaceChildren(
        tableHead([['product', false, false], ['customers', true, false], ['intervals', true, false], ['median', true, false], ['iqr', true, false]], 'remind_l_', {}, () => {}),
        el('tbody', null, r.learned_products.slice(0, 50).map((p) => el('tr', null, [
          el('td', { text: p.product }), el('td', { class: 'num', text: fmtInt(p.customers) }), el('td', { class: 'num', text: fmtInt(p.intervals) }),
          el('td', { class: 'num', text: fmtNum(p.median_days_per_unit, 2) }), el('td', { class: 'num', text: fmtNum(p.q1, 2) + '–' + fmtNum(p.q3, 2) + ' (' + fmtNum(p.iqr, 2) + ')' }),
        ])))
      );
      lists.remind_now.offset = lists.overdue.offset = 0;
      await Promise.all([loadList('remind_now'), loadList('overdue')]);
    }

    /** @param {'remind_now' | 'overdue'} key */
    async function loadList(key) {
      const list = lists[key];
      const page = await app.client().request(RequestType.REMINDERS_PAGE, { options: mergedOptions(app), query: { list: key, offset: list.offset, limit: PAGE } });
      list.total = page.total;
      app.$(key === 'remind_now' ? 'remind-now-count' : 'remind-overdue-count').textContent = t('remind_count', { n: fmtInt(page.total) });
      list.table.replaceChildren(tableHead(COLUMNS, 'remind_c_', {}, () => {}), el('tbody', null, page.rows.map(rowOf)));
      if (!page.rows.length) list.table.append(el('tbody', null, [el('tr', null, [el('td', { colspan: String(COLUMNS.length), class: 'muted', text: t('remind_empty') })])]));
      list.pager.info.textContent = t('pager', { from: fmtInt(page.total ? list.offset + 1 : 0), to: fmtInt(list.offset + page.rows.length), total: fmtInt(page.total) });
      list.pager.back.disabled = list.offset === 0;
      list.pager.fwd.disabled = list.offset + PAGE >= page.total;
    }

    /** @param {ReminderRow} row */
    function rowOf(row) {
      return el('tr', { dataset: { customer: row.customer_id } }, [
        el('td', { class: 'id', text: row.customer_id }), // file content: text only
        el('td', { text: row.product === null ? t('remind_by_rhythm') : row.product }),
        el('td', { text: t('remind_source_' + row.source) }),
        el('td', { class: 'num', text: row.last_purchase }),
        el('td', { class: 'num', text: row.quantity === null ? '' : fmtNum(row.quantity, 2) }),
        el('td', { class: 'num', text: fmtNum(/** @type {number} */ (row.days_per_unit ?? row.cycle_days), 2) }),
        el('td', { class: 'num', text: row.due_date }),
        el('td', { class: 'num', text: row.reminder_date }),
        el('td', { text: t('remind_channel_' + row.channel) + (row.phone || row.email ? ' · ' + (row.phone || row.email) : '') }),
      ]);
    }

    /** @param {'remind_now' | 'overdue'} key @param {number} step */
    function turn(key, step) {
      lists[key].offset = Math.max(0, lists[key].offset + step * PAGE);
      loadList(key).catch((e) => (error.textContent = e.message));
    }

    /** @param {File | null} file */
    async function setTable(file) {
      error.textContent = '';
      try {
        await app.client().request(RequestType.SET_CONSUMPTION, { source: file });
        store.consumptionName = file ? file.name : '';
        // The page's report carries the table too (the customers' reminder dates).
        const runId = ++store.runId;
        const { report } = await app.client().request(RequestType.REPORT, { options: { analysis: store.analysis } });
        if (runId !== store.runId) return;
        store.report = report;
        app.actions.renderResults(true);
      } catch (e) {
        const err = /** @type {import('../types/huike-embed').HuikeError} */ (e);
        showEngineError(error, err);
      }
    }

    fileInput.addEventListener('change', () => fileInput.files && fileInput.files[0] && setTable(fileInput.files[0]));
    drop.addEventListener('click', () => fileInput.click());
    drop.addEventListener('keydown', (e) => e.key === 'Enter' && fileInput.click());
    drop.addEventListener('dragover', (e) => e.preventDefault());
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      const file = e.dataTransfer && e.dataTransfer.files[0];
      if (file) setTable(file);
    });
    removeButton.addEventListener('click', () => setTable(null));
    exportButton.addEventListener('click', async () => {
      try {
        const { bytes } = await app.client().request(RequestType.PRODUCT_CSV, { options: { ...mergedOptions(app), csv_lang: csvLang() }, kind: 'reminders' });
        download(bytes, 'huike_reminders_' + (store.report ? store.report.analysis.as_of : '') + '.csv');
      } catch (e) {
        error.textContent = /** @type {Error} */ (e).message;
      }
    });

    // A page request that fails (the engine was reset by a new file) shows its message.
    const safeRender = (/** @type {Report} */ report) => render(report).catch((e) => (error.textContent = e.message));
    return { render: safeRender, relabel: rerender };
  },
};
