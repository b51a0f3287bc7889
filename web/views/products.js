// The Products view (商品角色, seed 003): each product's figures and role (profit, traffic,
// potential, edge), each rule in words with its settings and count, the role matrix, a
// sortable paged table with its export, and the promotion audience's export.
import { csvLang } from './csv_lang.js';
import { t } from '../i18n/index.js';
import { el, download } from '../app/dom.js';
import { fmtInt, fmtMoney, fmtNum, fmtPct } from '../app/format.js';
import { RequestType } from '../protocol/requests.js';
import { mergedOptions, viewReport, card, numberSetting, showSetting, tableHead, pager, roleMatrixChart, ROLE_COLORS } from './product_parts.js';

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').ProductRow} ProductRow */
/** @typedef {import('../types/huike-embed').ProductSort} ProductSort */
/** @typedef {import('../types/huike-embed').ProductRole} ProductRole */

const PAGE = 25;
const ROLES = /** @type {ProductRole[]} */ (['profit', 'traffic', 'potential', 'edge', 'regular', 'too_few_orders']);
/** @type {[string, boolean, boolean][]} */
const COLUMNS = [
  ['product', false, true], ['role', false, false], ['orders', true, true], ['units', true, true], ['revenue', true, true],
  ['buyers', true, true], ['first_order_buyers', true, true], ['first_buyer_repeat_rate', true, true],
  ['repeat_buyer_share', true, true], ['average_unit_price', true, true], ['growth', true, true],
];

/** @param {number | null} v */
const pct = (v) => (v === null ? '—' : fmtPct(v));

/** @type {import('./registry.js').ViewDefinition} */
export const productsView = {
  id: 'products',
  tab: 'products_tab',
  create(app) {
    const { store } = app;
    const panel = app.$('view-products');
    const opts = store.productOptions;
    let run = 0;
    const table = { sort: /** @type {ProductSort} */ ('revenue'), descending: true, offset: 0, role: '' };
    const rerender = () => store.report && safeRender(store.report);
    const settings = [
      numberSetting('products-min-orders', 'products_set_min_orders', 'product_min_orders', 5, opts, rerender),
      numberSetting('products-profit-top', 'products_set_profit_top', 'profit_top_share', 0.2, opts, rerender, 100),
      numberSetting('products-median-buyers', 'products_set_median_buyers', 'median_min_buyers', 10, opts, rerender),
      numberSetting('products-traffic-top', 'products_set_traffic_top', 'traffic_top_share', 0.2, opts, rerender, 100),
      numberSetting('products-potential-orders', 'products_set_potential_orders', 'potential_min_orders', 10, opts, rerender),
      numberSetting('products-potential-days', 'products_set_potential_days', 'potential_days', 180, opts, rerender),
      numberSetting('products-growth', 'products_set_growth', 'potential_growth', 0.5, opts, rerender, 100),
      numberSetting('products-growth-window', 'products_set_growth_window', 'growth_window_days', 90, opts, rerender),
      numberSetting('products-edge-bottom', 'products_set_edge_bottom', 'edge_bottom_share', 0.5, opts, rerender, 100),
    ];
    const error = el('p', { id: 'products-error', class: 'error-text' });
    const unavailable = el('p', { id: 'products-unavailable', class: 'muted', hidden: '' });
    const rules = el('ul', { id: 'products-rules', class: 'rules' });
    const chart = el('div', { id: 'products-chart', class: 'chart' });
    const list = el('table', { id: 'products-table', class: 'table sortable' });
    const roleFilter = el('select', { id: 'products-role-filter' });
    const tablePager = pager('products', () => turn(-1), () => turn(1));
    const exportButton = el('button', { type: 'button', class: 'btn', id: 'products-export', 'data-i18n': 'products_export' });
    const audienceButton = el('button', { type: 'button', class: 'btn primary', id: 'products-audience-export', 'data-i18n': 'products_audience_export' });
    const audience = el('p', { id: 'products-audience' });
    const content = el('div', { id: 'products-content' }, [
      card('products_rules_title', [el('div', { class: 'settings-row' }, settings.map((s) => s.node)), rules], 'products-note'),
      card('products_matrix_title', [el('p', { class: 'muted small', 'data-i18n': 'products_matrix_note' }), chart]),
      card('products_table_title', [el('div', { class: 'settings-row' }, [roleFilter, exportButton]), list, tablePager.node]),
      card('products_audience_title', [audience, audienceButton]),
    ]);
    panel.append(card('products_title', [el('p', { class: 'muted', 'data-i18n': 'products_intro' }), unavailable, error]), content);

    function fillRoleFilter() {
      const current = roleFilter.value;
      roleFilter.replaceChildren(el('option', { value: '', text: t('products_all_roles') }), ...ROLES.map((r) => el('option', { value: r, text: t('products_role_' + r) })));
      roleFilter.value = current;
    }

    /** @param {Report} report */
    async function render(report) {
      const mine = ++run;
      const full = await viewReport(app, report, error, () => mine === run);
      if (!full) return;
      const p = full.products;
      const s = p.settings;
      [s.product_min_orders, s.profit_top_share, s.median_min_buyers, s.traffic_top_share, s.potential_min_orders,
        s.potential_days, s.potential_growth, s.growth_window_days, s.edge_bottom_share].forEach((v, i) =>
        showSetting(settings[i].input, v, [1, 3, 6, 8].includes(i) ? 100 : 1));
      unavailable.hidden = p.available;
      content.hidden = !p.available;
      if (!p.available || !p.roles || !p.cuts || !p.audience) {
        unavailable.textContent = t('products_reason_' + (p.reason || 'no_products'));
        return;
      }
      const c = p.cuts;
      const money = (/** @type {number | null} */ v) => (v === null ? '—' : fmtMoney(v));
      app.$('products-note').textContent = t('products_note', { n: fmtInt(p.products || 0), k: fmtInt(p.classified || 0), d: p.as_of || '' });
      /** @type {Record<ProductRole, Record<string, string | number>>} */
      const vars = {
        profit: { top: fmtNum(s.profit_top_share * 100), cut: money(c.profit_revenue_cut), median: pct(c.repeat_share_median), k: c.repeat_share_median_products, m: s.median_min_buyers },
        traffic: { top: fmtNum(s.traffic_top_share * 100), cut: c.traffic_first_buyers_cut === null ? '—' : fmtInt(c.traffic_first_buyers_cut), price: money(c.unit_price_median) },
        potential: { orders: s.potential_min_orders, days: s.potential_days, growth: fmtNum(s.potential_growth * 100), window: s.growth_window_days },
        edge: { bottom: fmtNum(s.edge_bottom_share * 100), cut: money(c.edge_revenue_cut), median: pct(c.repeat_share_median) },
        regular: {},
        too_few_orders: { n: s.product_min_orders },
      };
      const roles = /** @type {NonNullable<typeof p.roles>} */ (p.roles);
      rules.replaceChildren(...ROLES.map((role) => el('li', { dataset: { role, value: String(roles[role].count) } }, [
        el('span', { class: 'role-dot', style: 'background:' + ROLE_COLORS[role] }),
        el('b', { text: t('products_role_' + role) + ' ' }),
        el('span', { text: t('products_rule_' + role, vars[role]) + ' ' }),
        el('b', { class: 'count', text: fmtInt(roles[role].count) }),
      ])));
      audience.textContent = t('products_audience_rule', { median: money(p.audience.median_order_value), n: fmtInt(p.audience.customers) });
      audience.dataset.value = String(p.audience.customers);
      fillRoleFilter();
      const top = await app.client().request(RequestType.PRODUCTS_PAGE, { options: mergedOptions(app), query: { sort: 'revenue', limit: 1000 } });
      if (mine !== run) return;
      roleMatrixChart(chart, top.rows.filter((r) => r.role !== 'too_few_orders'));
      table.offset = 0;
      await loadTable();
    }

    async function loadTable() {
      /** @type {import('../types/huike-embed').ProductsQuery} */
      const query = { sort: table.sort, descending: table.descending, offset: table.offset, limit: PAGE };
      if (table.role) query.role = /** @type {ProductRole} */ (table.role);
      const page = await app.client().request(RequestType.PRODUCTS_PAGE, { options: mergedOptions(app), query });
      const onSort = (/** @type {string} */ key) => {
        table.descending = table.sort === key ? !table.descending : key !== 'product';
        table.sort = /** @type {ProductSort} */ (key);
        table.offset = 0;
        loadTable().catch((e) => (error.textContent = e.message));
      };
      list.replaceChildren(tableHead(COLUMNS, 'products_c_', table, onSort), el('tbody', null, page.rows.map(rowOf)));
      tablePager.info.textContent = t('pager', { from: fmtInt(page.total ? table.offset + 1 : 0), to: fmtInt(table.offset + page.rows.length), total: fmtInt(page.total) });
      tablePager.back.disabled = table.offset === 0;
      tablePager.fwd.disabled = table.offset + PAGE >= page.total;
    }

    /** @param {ProductRow} r */
    function rowOf(r) {
      return el('tr', { dataset: { product: r.product } }, [
        el('td', { text: r.product }), // file content: text only
        el('td', { text: t('products_role_' + r.role) }),
        el('td', { class: 'num', text: fmtInt(r.orders) }),
        el('td', { class: 'num', text: r.units === null ? '—' : fmtNum(r.units, 2) }),
        el('td', { class: 'num', text: r.revenue === null ? '—' : fmtMoney(r.revenue) }),
        el('td', { class: 'num', text: fmtInt(r.buyers) }),
        el('td', { class: 'num', text: fmtInt(r.first_order_buyers) }),
        el('td', { class: 'num', text: pct(r.first_buyer_repeat_rate) }),
        el('td', { class: 'num', text: pct(r.repeat_buyer_share) }),
        el('td', { class: 'num', text: r.average_unit_price === null ? '—' : fmtMoney(r.average_unit_price) }),
        el('td', { class: 'num', text: r.new ? t('products_new') : pct(r.growth) }),
      ]);
    }

    /** @param {number} step */
    function turn(step) {
      table.offset = Math.max(0, table.offset + step * PAGE);
      loadTable().catch((e) => (error.textContent = e.message));
    }

    /** @param {'products' | 'audience'} kind */
    async function exportCsv(kind) {
      try {
        const { bytes } = await app.client().request(RequestType.PRODUCT_CSV, { options: { ...mergedOptions(app), csv_lang: csvLang() }, kind });
        download(bytes, 'huike_' + kind + '_' + (store.report ? store.report.analysis.as_of : '') + '.csv');
      } catch (e) {
        error.textContent = /** @type {Error} */ (e).message;
      }
    }
    roleFilter.addEventListener('change', () => {
      table.role = roleFilter.value;
      table.offset = 0;
      loadTable().catch((e) => (error.textContent = e.message));
    });
    exportButton.addEventListener('click', () => exportCsv('products'));
    audienceButton.addEventListener('click', () => exportCsv('audience'));
    // A page request that fails (the engine was reset by a new file) shows its message.
    const safeRender = (/** @type {Report} */ report) => render(report).catch((e) => (error.textContent = e.message));
    return { render: safeRender, relabel: rerender };
  },
};
