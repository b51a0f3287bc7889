// The overview tab: headline figures, churn status, the eight segments, the 11-segment grid,
// the R×F heatmap, recency and cycle histograms, and how the file was read.
import { t, has, segName, segAction } from '../i18n/index.js';
import { el, chip } from '../app/dom.js';
import { fmtInt, fmtMoney, fmtNum, fmtPct } from '../app/format.js';
import { HuikeCharts } from '../charts.js';
import { ROLES, delimiterLabel, dateOrderLabel } from './mapping.js';

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').Segment} Segment */
/** @typedef {import('../types/huike-embed').CustomerStatus} CustomerStatus */

/** @type {CustomerStatus[]} */
const STATUS_KEYS = ['active', 'at_risk', 'churned', 'sleeping'];

/** @type {import('./registry.js').ViewDefinition} */
export const overviewView = {
  id: 'overview',
  tab: 'tab_overview',
  create(app) {
    const { $, actions } = app;
    /** @param {'segment_eight' | 'segment_grid'} kind @param {Segment} s */
    const openSegment = (kind, s) => actions.openList({ [kind]: s.key }, segName(s), segAction(s));

    /** @param {Report} r */
    function renderMetrics(r) {
      const tot = r.totals;
      /** @type {Record<string, [number, string]>} */
      const values = {
        customers: [tot.customers, fmtInt(tot.customers)],
        orders: [tot.orders, fmtInt(tot.orders)],
        revenue: [tot.revenue, fmtMoney(tot.revenue)],
        repeat_rate: [tot.repeat_rate, fmtPct(tot.repeat_rate)],
        returning_revenue_share: [tot.returning_revenue_share, fmtPct(tot.returning_revenue_share)],
        churn_rate: [tot.churn_rate, fmtPct(tot.churn_rate)],
      };
      for (const node of /** @type {NodeListOf<HTMLElement>} */ (app.root.querySelectorAll('[data-metric]'))) {
        const [raw, text] = values[node.dataset.metric || ''];
        node.textContent = text;
        node.style.setProperty('--chars', String(text.length)); // long figures shrink to fit (styles.css)
        node.dataset.value = String(raw); // exact figure, for checks and tooltips
        node.title = String(raw);
      }
      $('sub-customers').textContent = tot.return_only_customers ? t('sub_customers', { n: fmtInt(tot.return_only_customers) }) : '';
      $('sub-orders').textContent = t('sub_orders', { aov: fmtMoney(tot.average_order_value) });
      $('sub-revenue').textContent =
        r.analysis.returns === 'subtract' ? t('sub_revenue', { ret: fmtMoney(tot.returns_value) }) : t('sub_revenue_ignore');
      $('sub-churn').textContent = t('sub_churn', { w: r.analysis.churn_window_days });
      $('churn-why').textContent = t('pf_churn_rate_why', churnVars(r));
    }

    // Both churn figures side by side: the window's (churn rate) and the rhythm's (churned).
    /** @param {Report} r */
    const churnVars = (r) => ({
      w: r.analysis.churn_window_days,
      c: r.analysis.churned_multiplier,
      n: fmtInt(Math.round(r.totals.churn_rate * r.totals.customers)),
      m: fmtInt(r.status.churned || 0),
    });

    /** @param {Report} r */
    function renderStatus(r) {
      const box = $('status-cards');
      box.replaceChildren();
      const total = r.totals.customers || 1;
      const a = r.analysis;
      const vars = { a: a.at_risk_multiplier, c: a.churned_multiplier, w: a.churn_window_days };
      /** @type {CustomerStatus[]} */
      const keys = STATUS_KEYS.concat(r.status.unknown ? ['unknown'] : []);
      for (const key of keys) {
        const n = r.status[key] || 0;
        const open = () => actions.openList({ status: key }, t('status_' + key), t('status_' + key + '_desc', vars));
        box.append(
          el('button', { type: 'button', class: 'status-card status-' + key, dataset: { status: key }, onclick: open }, [
            el('div', { class: 'status-name', text: t('status_' + key) }),
            el('div', { class: 'status-count', text: fmtInt(n) }),
            el('div', { class: 'status-share', text: fmtPct(n / total) }),
            el('div', { class: 'status-desc muted small', text: t('status_' + key + '_desc', vars) }),
          ])
        );
      }
      const median = r.purchase_cycle.shop_median_days;
      $('status-note').textContent = median == null ? '' : t('status_note', { m: fmtNum(median) });
      $('status-churn-why').textContent = t('pf_churned_why', churnVars(r));
    }

    /** @param {Report} r */
    function renderSegments(r) {
      const list = r.segments.eight;
      HuikeCharts.segments($('chart-seg8'), list, t, segName, (/** @type {Segment} */ s) => openSegment('segment_eight', s));
      const th = r.thresholds;
      $('seg8-rule').textContent = t('seg8_rule', { mode: t('th_' + th.mode), r: fmtNum(th.recency_days), f: fmtNum(th.frequency, 2), m: fmtMoney(th.monetary) });
      const table = $('seg8-table');
      table.replaceChildren();
      const cols = ['col_segment', 'col_customers', 'col_share', 'col_revenue', 'col_revenue_share', 'col_avg_r', 'col_avg_f', 'col_avg_m', 'col_action'];
      table.append(el('thead', null, [el('tr', null, cols.map((c, i) => el('th', { class: i && i < 8 ? 'num' : '', text: t(c) })))]));
      const body = el('tbody');
      list.forEach((s, i) => {
        const open = () => openSegment('segment_eight', s);
        body.append(
          el('tr', { tabindex: '0', dataset: { segment: s.key }, onclick: open, onkeydown: (/** @type {KeyboardEvent} */ e) => e.key === 'Enter' && open() }, [
            el('td', { class: 'name' }, [el('span', { class: 'swatch', style: 'background:' + HuikeCharts.SEGMENT_COLORS[i] }), el('span', { text: segName(s) })]),
            el('td', { class: 'num', text: fmtInt(s.customers) }),
            el('td', { class: 'num', text: fmtPct(s.customer_share) }),
            el('td', { class: 'num', text: fmtMoney(s.revenue) }),
            el('td', { class: 'num', text: fmtPct(s.revenue_share) }),
            el('td', { class: 'num', text: fmtNum(s.avg_recency_days) }),
            el('td', { class: 'num', text: fmtNum(s.avg_frequency, 2) }),
            el('td', { class: 'num', text: fmtMoney(s.avg_monetary) }),
            el('td', { class: 'action', text: segAction(s) }),
          ])
        );
      });
      table.append(body);
    }

    /** @param {Report} r */
    function renderGrid(r) {
      const box = $('grid11');
      box.replaceChildren();
      const max = Math.max(1, ...r.segments.grid.map((s) => s.customer_share));
      for (const s of r.segments.grid) {
        const strength = 0.08 + 0.6 * (s.customer_share / max);
        box.append(
          el('button', { type: 'button', class: 'tile tile-' + s.key, dataset: { segment: s.key }, style: '--strength:' + strength.toFixed(3), title: segAction(s), onclick: () => openSegment('segment_grid', s) }, [
            el('div', { class: 'tile-name', text: segName(s) }),
            el('div', { class: 'tile-count', text: fmtInt(s.customers) }),
            el('div', { class: 'tile-share', text: fmtPct(s.customer_share) + ' · ' + t('col_revenue') + ' ' + fmtPct(s.revenue_share) }),
          ])
        );
      }
    }

    /** @param {Report['input']} input */
    function renderInput(input) {
      const box = $('input-summary');
      box.replaceChildren(
        chip(t('in_encoding'), input.encoding + (input.bom ? ' (BOM)' : '')),
        chip(t('in_delimiter'), delimiterLabel(input.delimiter)),
        chip(t('in_rows'), fmtInt(input.rows_read)),
        chip(t('in_used'), fmtInt(input.rows_used)),
        chip(t('in_returns'), fmtInt(input.return_rows)),
        chip(t('in_excluded'), fmtInt(input.rows_excluded)),
        chip(t('in_date_order'), dateOrderLabel(input.date_order) + (input.date_order_assumed ? ' ' + t('in_assumed') : '') + (input.date_orders_mixed ? ' ' + t('in_mixed') : ''))
      );
      if (input.invalid_byte_sequences) box.append(chip(t('in_invalid'), fmtInt(input.invalid_byte_sequences)));
      for (const role of ROLES) {
        const name = input.columns && input.columns[role];
        if (name != null) box.append(chip(t('role_' + role), name));
      }
      const skipped = $('skipped');
      skipped.replaceChildren();
      const reasons = Object.entries(input.excluded || {}).sort((a, b) => b[1].rows - a[1].rows);
      skipped.append(el('h3', { text: reasons.length ? t('skipped_title', { n: fmtInt(input.rows_excluded) }) : t('skipped_none') }));
      if (!reasons.length) return;
      const ul = el('ul', { class: 'skipped-list' });
      for (const [reason, info] of reasons) {
        const name = has('reason_' + reason) ? t('reason_' + reason) : reason;
        const lines = info.example_lines.length ? ' — ' + t('example_lines', { lines: info.example_lines.join(', ') }) : '';
        ul.append(el('li', { dataset: { reason } }, [el('b', { text: fmtInt(info.rows) }), el('span', { text: ' ' + name }), el('span', { class: 'muted small', text: lines })]));
      }
      skipped.append(ul);
    }

    return {
      render(r) {
        renderMetrics(r);
        renderStatus(r);
        renderSegments(r);
        renderGrid(r);
        HuikeCharts.heatmap($('chart-heatmap'), r.charts.rf_heatmap, t, fmtMoney);
        HuikeCharts.histogram($('chart-recency'), r.charts.recency_histogram, t, '#0e7490');
        HuikeCharts.histogram($('chart-cycle'), r.charts.cycle_histogram, t, '#7c3aed');
        const cycle = r.purchase_cycle;
        $('cycle-note').textContent =
          cycle.shop_median_days == null || cycle.shop_mean_days == null
            ? ''
            : t('cycle_note', { m: fmtNum(cycle.shop_median_days), a: fmtNum(cycle.shop_mean_days), n: fmtInt(cycle.customers_with_cycle) });
        renderInput(r.input);
      },
    };
  },
};
