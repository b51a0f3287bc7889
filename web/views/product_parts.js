// What the Reminders and Products views share: their settings inputs, the report computed
// with their settings, paged tables, and their two charts.
import { t } from '../i18n/index.js';
import { el } from '../app/dom.js';
import { RequestType } from '../protocol/requests.js';
import { HuikeCharts } from '../charts.js';

/** @typedef {import('../views/registry.js').App} App */
/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').ReminderProductOptions} ReminderProductOptions */

/** The analysis options with both views' settings. @param {App} app */
export function mergedOptions(app) {
  const s = app.store;
  return { analysis: { ...s.analysis, ...s.remindOptions, ...s.productOptions } };
}

/**
 * The report with both views' settings: the page's own when none is set, else asked for.
 * @param {App} app @param {Report} report @returns {Promise<Report>}
 */
export async function reportWithSettings(app, report) {
  const s = app.store;
  if (!Object.keys(s.remindOptions).length && !Object.keys(s.productOptions).length) return report;
  return (await app.client().request(RequestType.REPORT, { options: mergedOptions(app) })).report;
}

/**
 * reportWithSettings for a view's render: null (the error shown in `errorNode`) when it
 * failed or a newer render started meanwhile (`isCurrent` false).
 * @param {App} app @param {Report} report @param {HTMLElement} errorNode @param {() => boolean} isCurrent
 * @returns {Promise<Report | null>}
 */
export async function viewReport(app, report, errorNode, isCurrent) {
  errorNode.textContent = '';
  try {
    const r = await reportWithSettings(app, report);
    return isCurrent() ? r : null;
  } catch (e) {
    if (isCurrent()) errorNode.textContent = /** @type {Error} */ (e).message;
    return null;
  }
}

/** A card with a title (i18n key), an optional note element (its id) and a body. */
export function card(/** @type {string} */ title, /** @type {(Node | null)[]} */ body, note = '') {
  return el('div', { class: 'card' }, [
    el('div', { class: 'card-head' }, [el('h2', { 'data-i18n': title }), note ? el('span', { id: note, class: 'muted small' }) : null]),
    ...body,
  ]);
}

/**
 * A labelled number input for one setting. `scale` 100 shows a share as a percentage.
 * @param {string} id @param {string} labelKey @param {keyof ReminderProductOptions} key
 * @param {number} fallback @param {ReminderProductOptions} target @param {() => void} onChange
 * @param {number} [scale]
 */
export function numberSetting(id, labelKey, key, fallback, target, onChange, scale = 1) {
  const input = el('input', { id, type: 'number', min: '0', step: scale === 1 ? '1' : 'any', value: String(fallback * scale) });
  input.addEventListener('change', () => {
    const v = Number(input.value);
    if (input.value === '' || !Number.isFinite(v) || v === fallback * scale) delete target[key];
    else target[key] = v / scale;
    onChange();
  });
  return { node: el('label', { class: 'setting' }, [el('span', { 'data-i18n': labelKey, text: t(labelKey) }), input]), input };
}

/** Sets a number input to a setting's current value. @param {HTMLInputElement} input @param {number} value @param {number} [scale] */
export function showSetting(input, value, scale = 1) {
  input.value = String(+(value * scale).toFixed(4));
}

/**
 * A table head whose sortable columns call onSort(key).
 * @param {[string, boolean, boolean][]} columns key, numeric, sortable
 * @param {string} prefix i18n prefix of the headers
 * @param {{sort?: string, descending?: boolean}} state
 * @param {(key: string) => void} onSort
 */
export function tableHead(columns, prefix, state, onSort) {
  const head = el('tr');
  for (const [key, numeric, sortable] of columns) {
    const th = el('th', { class: (numeric ? 'num ' : '') + (sortable ? 'sortable' : ''), text: t(prefix + key), dataset: { col: key } });
    if (sortable) {
      th.tabIndex = 0;
      if (state.sort === key) th.append(el('span', { class: 'sort-mark', text: state.descending ? ' ▼' : ' ▲' }));
      th.addEventListener('click', () => onSort(key));
      th.addEventListener('keydown', (e) => e.key === 'Enter' && onSort(key));
    }
    head.append(th);
  }
  return el('thead', null, [head]);
}

/**
 * Pager buttons under a table.
 * @param {string} idPrefix @param {() => void} prev @param {() => void} next
 */
export function pager(idPrefix, prev, next) {
  const info = el('span', { id: idPrefix + '-pager', class: 'muted small' });
  const back = el('button', { type: 'button', class: 'btn', id: idPrefix + '-prev', text: '‹', onclick: prev });
  const fwd = el('button', { type: 'button', class: 'btn', id: idPrefix + '-next', text: '›', onclick: next });
  return { node: el('div', { class: 'pager' }, [back, info, fwd]), info, back, fwd };
}

const chartFor = (/** @type {HTMLElement} */ node) => HuikeCharts.chartFor(node);

/** Reminders per day (bars). @param {HTMLElement} node @param {{date: string, reminders: number}[]} days */
export function perDayChart(node, days) {
  chartFor(node).setOption(
    {
      animationDuration: 300,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('remind_chart_series'), type: 'bar', color: '#1d4ed8', data: days.map((d) => d.reminders) }],
    },
    true
  );
}

export const ROLE_COLORS = { profit: '#15803d', traffic: '#1d4ed8', potential: '#a855f7', edge: '#c2410c', regular: '#9ca3af', too_few_orders: '#d1d5db' };

/**
 * The role matrix: first-order buyers against repeat-buyer share, sized by revenue, coloured by role.
 * @param {HTMLElement} node @param {import('../types/huike-embed').ProductRow[]} rows
 */
export function roleMatrixChart(node, rows) {
  const max = Math.max(1, ...rows.map((r) => r.revenue || 0));
  const roles = /** @type {(keyof typeof ROLE_COLORS)[]} */ (Object.keys(ROLE_COLORS)).filter((role) => role !== 'too_few_orders');
  chartFor(node).setOption(
    {
      animationDuration: 300,
      legend: { top: 0, data: roles.map((role) => t('products_role_' + role)) },
      grid: { left: 8, right: 24, top: 36, bottom: 28, containLabel: true },
      // Only numbers in the tooltip: product names are file content.
      tooltip: { formatter: (/** @type {any} */ p) => `${p.value[0]} · ${(p.value[1] * 100).toFixed(1)}% · ${p.value[2].toFixed(2)}` },
      xAxis: { type: 'value', name: t('products_matrix_x'), nameLocation: 'middle', nameGap: 24, minInterval: 1 },
      yAxis: { type: 'value', name: t('products_matrix_y'), min: 0, max: 1, axisLabel: { formatter: (/** @type {number} */ v) => Math.round(v * 100) + '%' } },
      series: roles.map((role) => ({
        name: t('products_role_' + role),
        type: 'scatter',
        color: ROLE_COLORS[role],
        symbolSize: (/** @type {number[]} */ v) => 6 + 30 * Math.sqrt(v[2] / max),
        data: rows.filter((r) => r.role === role).map((r) => [r.first_order_buyers, r.repeat_buyer_share || 0, r.revenue || 0]),
      })),
    },
    true
  );
}
