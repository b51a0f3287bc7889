// Pieces of the Health tab: the sentences a shop owner reads first (their numbers in <b
// data-health=…> for checks) and the tables behind the charts. Text only, never HTML.
import { t, lang } from '../i18n/index.js';
import { el } from '../app/dom.js';

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').HealthPeriod} HealthPeriod */
/** @typedef {{int: (n: number) => string, money: (n: number) => string, pct: (x: number) => string}} Fmt */

/**
 * One translated sentence; the variables named in `marks` become <b data-health=NAME>.
 * @param {string} key
 * @param {Record<string, string | number>} vars
 * @param {Record<string, string>} marks variable → data-health name
 */
function sentence(key, vars, marks) {
  const li = el('li');
  const template = t(key);
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    li.append(template.slice(at, m.index));
    const value = vars[m[1]] === undefined ? m[0] : String(vars[m[1]]);
    li.append(marks[m[1]] ? el('b', { text: value, dataset: { health: marks[m[1]] } }) : value);
    at = (m.index || 0) + m[0].length;
  }
  li.append(template.slice(at));
  return li;
}

/**
 * "重要发展客户 3 位、新客 2 位": the largest first, three at most.
 * @param {Record<string, number>} counts @param {(k: string) => string} nameOf @param {string} item its i18n key
 */
function countList(counts, nameOf, item) {
  const items = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return items.map(([key, n]) => t(item, { name: nameOf(key), n })).join(lang() === 'zh-CN' ? '、' : ', ');
}

/**
 * @param {HTMLElement} list
 * @param {Report} r
 * @param {HealthPeriod[]} series the periods shown
 * @param {(key: string) => string} nameOf
 * @param {Fmt} f
 */
export function healthSentences(list, r, series, nameOf, f) {
  const m = r.migration;
  const h = m.highlights;
  const from = m.earlier.as_of;
  const to = m.later.as_of;
  const items = [];
  const src = countList(h.moved_into_important_value_from, nameOf, 'health_list_item');
  items.push(sentence('health_s_into', { from, to, n: f.int(h.moved_into_important_value), src: src ? t('health_s_into_from', { list: src }) : '' },
    { n: 'moved_into_important_value' }));
  const dst = countList(h.left_important_value_to, nameOf, 'health_list_item_to');
  items.push(sentence('health_s_out', { n: f.int(h.left_important_value), dst: dst ? t('health_s_out_to', { list: dst }) : '' },
    { n: 'left_important_value' }));
  if (h.important_value_before) {
    const a = h.important_value_now_important_win_back;
    const g = h.important_value_now_general_win_back;
    items.push(sentence('health_s_win_back', { from, base: f.int(h.important_value_before), n: f.int(a + g), a: f.int(a), g: f.int(g) },
      { base: 'important_value_before', n: 'now_win_back' }));
  }
  // The last period that has ended (the running one reads low).
  const ended = series.filter((p) => p.complete);
  const period = ended.length ? ended[ended.length - 1] : series[series.length - 1];
  if (period.returning_revenue_share != null) {
    items.push(sentence('health_s_share', {
      month: period.month || period.week || period.start, p: f.pct(period.returning_revenue_share),
      n: f.int(period.new_customers), r: f.int(period.returning_customers),
    }, { p: 'returning_revenue_share', n: 'new_customers', r: 'returning_customers' }));
  }
  const last = series[series.length - 1];
  const back = series[Math.max(0, series.length - 1 - (last.week ? 52 : 12))];
  let trend = '';
  if (back !== last && back.churn_rate != null && last.churn_rate != null) {
    const key = last.churn_rate > back.churn_rate ? 'health_trend_up' : last.churn_rate < back.churn_rate ? 'health_trend_down' : 'health_trend_flat';
    trend = t(key, { q: f.pct(back.churn_rate), prev: back.end });
  }
  if (last.churn_rate != null) {
    items.push(sentence('health_s_churn', {
      date: last.end, p: f.pct(last.churn_rate), n: f.int(last.churned_customers), total: f.int(last.customers_to_date),
      w: r.health.churn_window_days, trend,
    }, { p: 'churn_rate', n: 'churned_customers', total: 'customers_to_date', w: 'churn_window_days' }));
  }
  list.replaceChildren(...items);
}

/** @param {HTMLElement} table @param {string[]} heads @param {HTMLElement[]} rows */
function fill(table, heads, rows) {
  table.replaceChildren(el('thead', null, [el('tr', null, heads.map((text) => el('th', { text })))]), el('tbody', null, rows));
}

/** @param {HTMLElement} table @param {HealthPeriod[]} series @param {Fmt} f */
export function monthlyTable(table, series, f) {
  const heads = [t('health_col_period'), t('health_new'), t('health_returning'), t('health_new') + ' ¥', t('health_returning') + ' ¥',
    t('health_returning_share'), t('health_col_customers_to_date'), t('health_active'), t('health_churn_rate')];
  const pct = (/** @type {number | null} */ x) => (x == null ? '–' : f.pct(x));
  fill(table, heads, series.map((p) => el('tr', { dataset: { period: p.month || p.week || p.start } }, [
    el('td', { text: (p.month || p.week || p.start) + (p.complete ? '' : t('health_incomplete')) }),
    el('td', { text: f.int(p.new_customers), dataset: { col: 'new_customers' } }),
    el('td', { text: f.int(p.returning_customers), dataset: { col: 'returning_customers' } }),
    el('td', { text: f.money(p.new_revenue) }),
    el('td', { text: f.money(p.returning_revenue) }),
    el('td', { text: pct(p.returning_revenue_share), dataset: { col: 'returning_revenue_share' } }),
    el('td', { text: f.int(p.customers_to_date), dataset: { col: 'customers_to_date' } }),
    el('td', { text: f.int(p.active_customers), dataset: { col: 'active_customers' } }),
    el('td', { text: pct(p.churn_rate), dataset: { col: 'churn_rate' } }),
  ])));
}

/** @param {HTMLElement} table @param {import('../types/huike-embed').HealthCohorts} c @param {Fmt} f */
export function cohortTable(table, c, f) {
  const width = c.retention.reduce((n, r) => Math.max(n, r.length), 0);
  const heads = ['', t('health_cohort_size'), ...Array.from({ length: width }, (_, k) => t('health_month_k', { k }))];
  fill(table, heads, c.months.map((month, i) => el('tr', { dataset: { cohort: month } }, [
    el('td', { text: month }),
    el('td', { text: f.int(c.sizes[i]), dataset: { col: 'size' } }),
    ...c.retention[i].map((share, k) => el('td', { text: f.pct(share), title: f.int(c.buyers[i][k]) + ' / ' + f.int(c.sizes[i]), dataset: { k: String(k), buyers: String(c.buyers[i][k]) } })),
  ])));
}

/**
 * @param {HTMLElement} table
 * @param {{rows: string[], columns: string[], customers: number[][]}} matrix
 * @param {(key: string) => string} nameOf
 * @param {Fmt} f
 */
export function matrixTable(table, matrix, nameOf, f) {
  fill(table, ['', ...matrix.columns.map(nameOf)], matrix.rows.map((row, i) => el('tr', { dataset: { from: row } }, [
    el('td', { class: 'name', text: nameOf(row) }),
    ...matrix.customers[i].map((n, j) => el('td', { text: n ? f.int(n) : '·', dataset: { to: matrix.columns[j], n: String(n) } })),
  ])));
}
