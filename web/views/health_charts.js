// The Health view's charts (ECharts): new/returning bars with the returning share, churn and
// active lines, the cohort heatmap and the migration Sankey. Tooltips are HTML in ECharts:
// only numbers, dates and engine-fixed segment names go into them, escaped.
import * as echarts from 'echarts';

const TEXT = '#4b5563';
const GRID_LINE = '#eef0f3';
const base = { textStyle: { color: TEXT, fontFamily: 'inherit' }, animationDuration: 300 };

/** @param {unknown} text */
const esc = (text) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] || c);

/** @param {HTMLElement} el */
function chartFor(el) {
  let chart = echarts.getInstanceByDom(el);
  if (!chart) {
    chart = echarts.init(el, null, { renderer: 'canvas' });
    const made = chart;
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => made.resize()).observe(el);
  }
  return chart;
}

/** @typedef {import('../types/huike-embed').HealthPeriod} HealthPeriod */
/** @typedef {{t: (k: string, v?: Record<string, string | number>) => string, int: (n: number) => string, money: (n: number) => string, pct: (x: number) => string}} Fmt */

/** @param {HealthPeriod} p */
const periodLabel = (p) => p.month || p.week || p.start;

/**
 * What both time-series charts share: legend, grid, the period axis (a slider past 40
 * periods, showing the latest), and an axis tooltip built from the period under the pointer.
 * @param {HealthPeriod[]} points
 * @param {(p: HealthPeriod) => string} tip
 */
function overTime(points, tip) {
  const labels = points.map(periodLabel);
  return {
    ...base,
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 40, containLabel: true },
    tooltip: { trigger: 'axis', formatter: (/** @type {any[]} */ items) => tip(points[items[0].dataIndex]) },
    dataZoom: labels.length > 40 ? [{ type: 'slider', bottom: 4, height: 16, startValue: labels.length - 40 }] : [],
    xAxis: { type: 'category', data: labels },
  };
}

/** Stacked new/returning customers per period, the returning revenue share as a line. */
export function customersChart(/** @type {HTMLElement} */ el, /** @type {HealthPeriod[]} */ points, /** @type {Fmt} */ f) {
  const share = points.map((p) => (p.returning_revenue_share == null ? null : +(p.returning_revenue_share * 100).toFixed(2)));
  chartFor(el).setOption({
    ...overTime(points, (p) =>
      esc(periodLabel(p) + (p.complete ? '' : f.t('health_incomplete'))) + '<br>' +
      esc(f.t('health_new')) + ' ' + esc(f.int(p.new_customers)) + ' · ' + esc(f.money(p.new_revenue)) + '<br>' +
      esc(f.t('health_returning')) + ' ' + esc(f.int(p.returning_customers)) + ' · ' + esc(f.money(p.returning_revenue)) + '<br>' +
      esc(f.t('health_returning_share')) + ' ' + (p.returning_revenue_share == null ? '–' : esc(f.pct(p.returning_revenue_share)))),
    color: ['#93c5fd', '#1d4ed8', '#c2410c'],
    yAxis: [
      { type: 'value', splitLine: { lineStyle: { color: GRID_LINE } } },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: f.t('health_new'), type: 'bar', stack: 'customers', data: points.map((p) => p.new_customers) },
      { name: f.t('health_returning'), type: 'bar', stack: 'customers', data: points.map((p) => p.returning_customers) },
      { name: f.t('health_returning_share'), type: 'line', yAxisIndex: 1, data: share, connectNulls: false, symbolSize: 5 },
    ],
  }, true);
}

/** Churn rate (left axis, %) and active customers (right axis) at each period's end. */
export function churnChart(/** @type {HTMLElement} */ el, /** @type {HealthPeriod[]} */ points, /** @type {Fmt} */ f) {
  chartFor(el).setOption({
    ...overTime(points, (p) =>
      esc(p.end) + '<br>' + esc(f.t('health_churn_rate')) + ' ' + (p.churn_rate == null ? '–' : esc(f.pct(p.churn_rate))) +
      ' (' + esc(f.int(p.churned_customers)) + ' / ' + esc(f.int(p.customers_to_date)) + ')<br>' +
      esc(f.t('health_active')) + ' ' + esc(f.int(p.active_customers))),
    color: ['#c2410c', '#0e7490'],
    yAxis: [
      { type: 'value', min: 0, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: GRID_LINE } } },
      { type: 'value', splitLine: { show: false } },
    ],
    series: [
      { name: f.t('health_churn_rate'), type: 'line', data: points.map((p) => (p.churn_rate == null ? null : +(p.churn_rate * 100).toFixed(2))) },
      { name: f.t('health_active'), type: 'line', yAxisIndex: 1, data: points.map((p) => p.active_customers) },
    ],
  }, true);
}

/**
 * Cohorts × months since the first purchase. Readable with many cohorts: the chart grows
 * 18 px a row up to 60 rows, then scrolls (a slider); labels only when cells are big enough;
 * the cohort sizes are a second axis on the right; the incomplete last diagonal is dashed.
 * @param {HTMLElement} el
 * @param {import('../types/huike-embed').HealthCohorts} c
 * @param {'retention' | 'revenue'} measure
 * @param {Fmt} f
 */
export function cohortHeatmap(el, c, measure, f) {
  const rows = c.months.length;
  const width = c.retention.reduce((n, r) => Math.max(n, r.length), 0);
  el.style.height = Math.max(220, Math.min(rows, 60) * 18 + 90) + 'px';
  const values = measure === 'retention' ? c.retention : c.revenue_per_customer_cumulative;
  /** @type {any[]} */
  const data = [];
  let max = 0;
  values.forEach((row, i) => row.forEach((v, k) => {
    const incomplete = c.last_diagonal_incomplete && k === row.length - 1;
    if (measure === 'revenue' || k > 0) max = Math.max(max, v);
    data.push({
      value: [k, i, v],
      itemStyle: incomplete ? { borderColor: '#111827', borderWidth: 1, borderType: 'dashed' } : undefined,
    });
  }));
  const show = rows <= 24 && width <= 18;
  const text = (/** @type {number} */ v) => (measure === 'retention' ? (v * 100).toFixed(v >= 0.995 || v === 0 ? 0 : 1) + '%' : f.money(v));
  chartFor(el).setOption({
    ...base,
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      formatter: (/** @type {any} */ p) => {
        const [k, i] = p.value;
        return esc(c.months[i]) + ' · ' + esc(f.t('health_month_k', { k })) + '<br>' +
          esc(f.t('health_cohort_buyers')) + ' ' + esc(f.int(c.buyers[i][k])) + ' / ' + esc(f.int(c.sizes[i])) +
          ' (' + esc(f.pct(c.retention[i][k])) + ')<br>' +
          esc(f.t('health_measure_revenue')) + ' ' + esc(f.money(c.revenue_per_customer_cumulative[i][k])) +
          (c.last_diagonal_incomplete && k === c.retention[i].length - 1 ? '<br>' + esc(f.t('health_incomplete')) : '');
      },
    },
    xAxis: { type: 'category', data: Array.from({ length: width }, (_, k) => String(k)), splitArea: { show: true } },
    yAxis: [
      { type: 'category', data: c.months, inverse: true },
      { type: 'category', data: c.sizes.map((n) => f.int(n)), inverse: true, position: 'right', axisTick: { show: false }, name: f.t('health_cohort_size'), nameLocation: 'start' },
    ],
    dataZoom: rows > 60 ? [{ type: 'slider', yAxisIndex: [0, 1], right: 0, width: 14, startValue: rows - 60, endValue: rows - 1 }] : [],
    visualMap: { min: 0, max: max || 1, calculable: false, orient: 'horizontal', left: 'center', bottom: 4, itemHeight: 120,
      inRange: { color: ['#f8fafc', '#bfdbfe', '#1d4ed8'] }, formatter: (/** @type {number} */ v) => text(v) },
    series: [{ type: 'heatmap', data, label: { show, fontSize: 10, formatter: (/** @type {any} */ p) => text(p.value[2]) } }],
  }, true);
}

/**
 * The migration as a Sankey: earlier segments (and `new`) on the left, later on the right.
 * @param {HTMLElement} el
 * @param {{rows: string[], columns: string[], customers: number[][]}} matrix
 * @param {(key: string) => string} nameOf
 * @param {{earlier: string, later: string}} dates
 * @param {Fmt} f
 */
export function migrationSankey(el, matrix, nameOf, dates, f) {
  /** @type {Record<string, string>} */
  const shown = {};
  /** @type {{source: string, target: string, value: number}[]} */
  const links = [];
  const used = new Set();
  matrix.customers.forEach((row, i) => row.forEach((n, j) => {
    if (!n) return;
    const source = 'a:' + matrix.rows[i];
    const target = 'b:' + matrix.columns[j];
    links.push({ source, target, value: n });
    used.add(source).add(target);
  }));
  for (const key of matrix.rows) shown['a:' + key] = nameOf(key);
  for (const key of matrix.columns) shown['b:' + key] = nameOf(key);
  const nodes = [...used].map((name) => ({ name, depth: name.startsWith('a:') ? 0 : 1 }));
  chartFor(el).setOption({
    ...base,
    title: [
      { text: dates.earlier, left: 0, top: 0, textStyle: { fontSize: 12, color: TEXT } },
      { text: dates.later, right: 0, top: 0, textStyle: { fontSize: 12, color: TEXT } },
    ],
    tooltip: {
      formatter: (/** @type {any} */ p) =>
        p.dataType === 'edge'
          ? esc(shown[p.data.source]) + ' → ' + esc(shown[p.data.target]) + ': ' + esc(f.int(p.data.value))
          : esc(shown[p.name]) + ': ' + esc(f.int(p.value)),
    },
    series: [{
      type: 'sankey', top: 28, bottom: 8, left: 8, right: 150, nodeGap: 8, layoutIterations: 0,
      data: nodes, links, emphasis: { focus: 'adjacency' }, lineStyle: { color: 'gradient', opacity: 0.35 },
      label: { formatter: (/** @type {any} */ p) => shown[p.name] + ' ' + f.int(p.value) },
    }],
  }, true);
}
