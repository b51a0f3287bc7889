// The prediction view's pieces: the chosen model's parameters with standard errors, the hold-out check,
// and the customer tables. Plain functions of the prediction report.
import { t } from '../i18n/index.js';
import { el } from '../app/dom.js';
import { fmtInt, fmtMoney, fmtNum, fmtPct } from '../app/format.js';
import { HuikeCharts } from '../charts.js';
import { modelName } from './prediction_models.js';

// Time units written out: "week (7 days)".
export const unitName = (unit) => t(unit === 'day' ? 'unit_day' : 'unit_week');
export const unitPlural = (unit) => t(unit === 'day' ? 'unit_days' : 'unit_weeks');
export { modelName };
// Parameters to 3 decimals (as published), small ones to 3 significant digits.
export const fmtParam = (x) => (x == null || !Number.isFinite(Number(x)) ? '—' : Math.abs(x) >= 0.01 || x === 0 ? Number(x).toFixed(3) : Number(x).toPrecision(3));
export const fmtMean = (x) => Number(x).toFixed(3);

function paramRow(name, symbol, value, se, key) {
  return el('tr', null, [
    el('td', null, [el('b', { class: 'sym', text: symbol }), el('span', { class: 'muted', text: ' ' + name })]),
    el('td', { class: 'num', text: fmtParam(value), dataset: { param: key, value: String(value) } }),
    el('td', { class: 'num muted', text: se == null ? '—' : '± ' + fmtParam(se) }),
  ]);
}

function paramTable(rows) {
  return el('table', { class: 'table params-table' }, [
    el('thead', null, [el('tr', null, [el('th', { text: t('param') }), el('th', { class: 'num', text: t('estimate') }), el('th', { class: 'num', text: t('std_error') })])]),
    el('tbody', null, rows),
  ]);
}

function statusLine(ok, text) {
  return el('div', { class: 'fit-status ' + (ok ? 'ok' : 'bad'), role: ok ? null : 'alert' }, [el('span', { class: 'dot' }), el('span', { text })]);
}

export function renderParams($, p, bg, gg) {
  const unit = p.unit;
  $('params-unit').textContent = t('params_unit', { unit: unitName(unit), n: p.unit_days });
  const se = bg.standard_errors || {};
  const u = unitPlural(unit);
  const bgBox = $('params-bg');
  const pareto = p.model === 'paretonbd';
  bgBox.replaceChildren(
    el('h3', { text: t('params_bg', { model: modelName(p.model) }) }),
    statusLine(bg.converged, bg.converged ? t('fit_converged', { n: bg.iterations }) : t('fit_not_converged', { msg: bg.message })),
    paramTable(pareto
      ? [
          paramRow(t('param_r'), 'r', bg.r, se.r, 'r'),
          paramRow(t('param_alpha', { unit: u }), 'α', bg.alpha, se.alpha, 'alpha'),
          paramRow(t('pred_param_s'), 's', bg.s, se.s, 's'),
          paramRow(t('pred_param_beta', { unit: u }), 'β', bg.beta, se.beta, 'beta'),
        ]
      : [
          paramRow(t('param_r'), 'r', bg.r, se.r, 'r'),
          paramRow(t('param_alpha', { unit: u }), 'α', bg.alpha, se.alpha, 'alpha'),
          paramRow(t('param_a'), 'a', bg.a, se.a, 'a'),
          paramRow(t('param_b'), 'b', bg.b, se.b, 'b'),
        ]),
    el('div', { class: 'fit-facts muted small' }, [
      el('span', { text: t('log_likelihood') + ' ' }),
      el('b', { text: bg.log_likelihood == null ? '—' : fmtNum(bg.log_likelihood, 2), dataset: { param: 'bg_ll', value: String(bg.log_likelihood) } }),
      el('span', { text: ' · ' + t('fit_customers', { n: fmtInt(bg.customers), g: fmtInt(bg.groups) }) }),
    ]),
    !bg.converged ? null : pareto
      ? el('p', { class: 'muted small param-explain', text: t('pred_params_pareto_explain', { unit: unitName(unit), rate: fmtNum(bg.r / bg.alpha, 3), drop: fmtNum(bg.s / bg.beta, 3) }) })
      : el('p', { class: 'muted small param-explain', text: t('bg_explain', { unit: unitName(unit), a: fmtNum(bg.a / (bg.a + bg.b) * 100, 1), rate: fmtNum(bg.r / bg.alpha, 3) }) })
  );

  const ggBox = $('params-gg');
  const gse = gg.standard_errors || {};
  const children = [el('h3', { text: t('params_gg') })];
  if (!gg.fitted) {
    children.push(statusLine(false, t('gg_not_fitted', { msg: gg.message, v: gg.population_mean_aov == null ? '—' : fmtMoney(gg.population_mean_aov) })));
  } else {
    children.push(
      statusLine(gg.converged, gg.converged ? t('fit_converged', { n: gg.iterations }) : t('fit_not_converged', { msg: gg.message })),
      paramTable([
        paramRow(t('param_p'), 'p', gg.p, gse.p, 'p'),
        paramRow(t('param_q'), 'q', gg.q, gse.q, 'q'),
        paramRow(t('param_gamma'), 'γ', gg.gamma, gse.gamma, 'gamma'),
      ]),
      el('div', { class: 'fit-facts muted small' }, [
        el('span', { text: t('log_likelihood') + ' ' }),
        el('b', { text: gg.log_likelihood == null ? '—' : fmtNum(gg.log_likelihood, 2) }),
        el('span', { text: ' · ' + t('gg_customers', { n: fmtInt(gg.customers) }) }),
      ]),
      el('p', { class: 'muted small param-explain', text: t('gg_explain', { v: gg.population_mean_aov == null ? '—' : fmtMoney(gg.population_mean_aov) }) })
    );
  }
  if (gg.spend_frequency_correlation != null) {
    const corr = el('div', { class: 'fit-facts muted small' }, [el('span', { text: t('gg_correlation', { r: gg.spend_frequency_correlation.toFixed(3) }) })]);
    children.push(corr);
  }
  if (gg.warning) children.push(el('div', { class: 'notice warn', role: 'alert', dataset: { warning: 'gamma_gamma' } }, [el('b', { text: t('gg_warning_title') + ' ' }), el('span', { text: t('gg_warning', { r: gg.spend_frequency_correlation == null ? '?' : gg.spend_frequency_correlation.toFixed(2) }) }), el('span', { class: 'muted small', text: ' (' + gg.warning + ')' })]));
  ggBox.replaceChildren(...children);

  $('clv-note').textContent = t('clv_note', {
    d: p.horizon_days,
    units: fmtNum(p.horizon_units, 1),
    unit: unitPlural(unit),
    rate: fmtNum(p.annual_discount_rate * 100, 2),
    asof: p.predictions_as_of,
  });
}

export function renderHoldout($, h) {
  $('holdout-body').hidden = !h.available;
  $('holdout-card').classList.toggle('muted-card', !h.available);
  if (!h.available) {
    $('holdout-period').textContent = '';
    $('holdout-note').textContent = t('holdout_none');
    $('holdout-note').className = 'holdout-note muted';
    return;
  }
  const unitsWord = unitPlural(h.unit);
  $('holdout-period').textContent = t('holdout_period', {
    start: h.tracking_weekly_cumulative.start_date,
    cal: h.calibration_end,
    end: h.holdout_end,
    days: fmtInt(h.length_days),
    units: fmtNum(h.length_units, 1),
    unit: unitsWord,
  });
  const diff = h.actual_transactions ? (h.predicted_transactions - h.actual_transactions) / h.actual_transactions : 0;
  $('holdout-note').className = 'holdout-note';
  $('holdout-note').textContent = t('holdout_note', {
    days: fmtInt(h.length_days),
    p: fmtInt(Math.round(h.predicted_transactions)),
    a: fmtInt(h.actual_transactions),
    diff: (diff >= 0 ? '+' : '') + (diff * 100).toFixed(1) + '%',
    n: fmtInt(h.customers),
  });
  const groups = h.by_calibration_frequency;
  $('holdout-freq-title').textContent = t('holdout_freq_title', { days: fmtInt(h.length_days) });
  HuikeCharts.bars(
    $('chart-holdout'),
    groups.map((g) => g.calibration_repeat_transactions),
    [
      { name: t('actual'), data: groups.map((g) => +g.actual_mean.toFixed(3)), color: '#1d4ed8' },
      { name: t('predicted'), data: groups.map((g) => +g.predicted_mean.toFixed(3)), color: '#f59e0b' },
    ],
    t('calibration_freq'),
    t('mean_purchases')
  );
  HuikeCharts.tracking($('chart-tracking'), h.tracking_weekly_cumulative, t);
  const table = $('holdout-table');
  table.replaceChildren(
    el('thead', null, [el('tr', null, [
      el('th', { text: t('calibration_freq') }),
      el('th', { class: 'num', text: t('col_customers') }),
      el('th', { class: 'num', text: t('ho_actual_mean') }),
      el('th', { class: 'num', text: t('ho_predicted_mean') }),
      el('th', { class: 'num', text: t('ho_difference') }),
    ])]),
    el('tbody', null, groups.map((g) => el('tr', { dataset: { group: g.calibration_repeat_transactions } }, [
      el('td', { text: g.calibration_repeat_transactions }),
      el('td', { class: 'num', text: fmtInt(g.customers) }),
      el('td', { class: 'num', text: fmtMean(g.actual_mean) }),
      el('td', { class: 'num', text: fmtMean(g.predicted_mean) }),
      el('td', { class: 'num muted', text: (g.predicted_mean - g.actual_mean >= 0 ? '+' : '') + fmtMean(g.predicted_mean - g.actual_mean) }),
    ]))),
    el('tfoot', null, [el('tr', null, [
      el('td', { text: t('total') }),
      el('td', { class: 'num', text: fmtInt(h.customers) }),
      el('td', { class: 'num', text: fmtMean(h.actual_transactions / Math.max(1, h.customers)) }),
      el('td', { class: 'num', text: fmtMean(h.predicted_transactions / Math.max(1, h.customers)) }),
      el('td', { class: 'num muted', text: ((h.predicted_transactions - h.actual_transactions) / Math.max(1, h.customers) >= 0 ? '+' : '') +
        fmtMean((h.predicted_transactions - h.actual_transactions) / Math.max(1, h.customers)) + ' (' + (diff >= 0 ? '+' : '') + (diff * 100).toFixed(1) + '%)' }),
    ])])
  );
}

// kind 'top': ranked by CLV; 'churn': past value first, low P(alive).
export function predictTable(table, rows, kind) {
  const cols =
    kind === 'top'
      ? [['c_customer_id', ''], ['pc_p_alive', 'num'], ['pred_col_next_order', 'num'], ['pc_expected_purchases', 'num'], ['pc_expected_aov', 'num'], ['pc_clv', 'num'], ['c_last_purchase', 'num']]
      : [['c_customer_id', ''], ['pc_past_value', 'num'], ['pc_repeat', 'num'], ['pc_p_alive', 'num'], ['pred_col_next_order', 'num'], ['pc_clv', 'num'], ['c_last_purchase', 'num']];
  const cell = (c, key) => {
    switch (key) {
      case 'c_customer_id':
        return el('td', { class: 'id', text: c.customer }); // file content: text only
      case 'pc_p_alive':
        return el('td', { class: 'num' }, [el('span', { class: 'palive-bar', style: '--p:' + (c.p_alive == null ? 0 : c.p_alive).toFixed(3) }), el('span', { text: c.p_alive == null ? '—' : fmtPct(c.p_alive) })]);
      case 'pred_col_next_order': // a date only with P(alive) beside it
        return el('td', { class: 'num', dataset: { nextOrder: c.expected_next_order_date || '' }, text: c.expected_next_order_date || t('pred_next_order_none') });
      case 'pc_expected_purchases':
        return el('td', { class: 'num', text: c.expected_purchases == null ? '—' : fmtNum(c.expected_purchases, 2) });
      case 'pc_expected_aov':
        return el('td', { class: 'num', text: c.expected_aov == null ? '—' : fmtMoney(c.expected_aov) });
      case 'pc_clv':
        return el('td', { class: 'num', text: c.clv == null ? '—' : fmtMoney(c.clv) });
      case 'pc_past_value':
        return el('td', { class: 'num', text: fmtMoney(c.calibration_value) });
      case 'pc_repeat':
        return el('td', { class: 'num', text: fmtInt(c.repeat_transactions) });
      default:
        return el('td', { class: 'num', text: c.last_purchase });
    }
  };
  table.replaceChildren(
    el('thead', null, [el('tr', null, cols.map(([key, cls]) => el('th', { class: cls, text: t(key) })))]),
    el('tbody', null, rows.length
      ? rows.map((c) => el('tr', null, cols.map(([key]) => cell(c, key))))
      : [el('tr', null, [el('td', { colspan: String(cols.length), class: 'muted', text: t(kind === 'top' ? 'no_customers' : 'no_churn_customers') })])])
  );
}
