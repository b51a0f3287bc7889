// The Prediction view's model comparison: the three fits side by side on the hold-out,
// the choice with its rule in words, each model's calibration histogram, and the note
// on the expected next order date. Plain functions of the prediction report.
import { t } from '../i18n/index.js';
import { el } from '../app/dom.js';
import { fmtInt, fmtNum } from '../app/format.js';
import { HuikeCharts } from '../charts.js';

const NAMES = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', paretonbd: 'Pareto/NBD' };
/** @param {string} key */
export const modelName = (key) => NAMES[key] || key;
const fmtMae = (x) => (x == null ? '—' : Number(x).toFixed(4));

/** The rule and the choice in the page's language, from the report's numbers. */
function reasonText(c, unitPlural) {
  const chosen = c.models.find((m) => m.model === c.chosen);
  const len = c.holdout_available ? fmtNum(c.holdout_length_units, 1) : '';
  const unit = unitPlural(c.unit);
  if (c.chosen_by === 'holdout_mae') return t('pred_reason_holdout', { len, unit, model: modelName(c.chosen), mae: fmtMae(chosen.holdout_mae) });
  if (c.chosen_by === 'option') {
    if (!c.holdout_available) return t('pred_reason_option', { model: modelName(c.chosen) });
    const best = c.models.reduce((a, b) => (b.holdout_mae < a.holdout_mae ? b : a));
    return t('pred_reason_option_holdout', { model: modelName(c.chosen), len, unit, mae: fmtMae(chosen.holdout_mae), best: modelName(best.model), bestmae: fmtMae(best.holdout_mae) });
  }
  const fallback = c.chosen !== 'bgnbd' ? ' ' + t('pred_reason_default_fallback', { model: modelName(c.chosen) }) : '';
  return t('pred_reason_default') + fallback;
}

export function renderComparison($, p, unitPlural) {
  const c = p.model_comparison;
  $('pred-compare-reason').textContent = reasonText(c, unitPlural);
  $('pred-compare-reason').dataset.chosen = c.chosen;
  const holdout = c.holdout_available;
  const head = [t('pred_col_model'), t('pred_col_fit'), t('pred_col_ll')];
  if (holdout) head.push(t('pred_col_holdout_total', { a: fmtInt(c.holdout_actual_transactions) }), t('pred_col_mae'));
  $('pred-compare-table').replaceChildren(
    el('thead', null, [el('tr', null, head.map((text, i) => el('th', { class: i > 1 ? 'num' : '', text })))]),
    el('tbody', null, c.models.map((m) => {
      const chosen = m.model === c.chosen;
      const cells = [
        el('td', { class: chosen ? 'compare-chosen' : '' }, [el('span', { text: modelName(m.model) }), chosen ? el('span', { class: 'tab-badge ok', text: ' ' + t('pred_chosen') }) : null]),
        el('td', { class: m.converged ? '' : 'error-text', text: t(m.converged ? 'pred_fit_ok' : 'pred_fit_bad') }),
        el('td', { class: 'num', text: m.log_likelihood == null ? '—' : fmtNum(m.log_likelihood, 1) }),
      ];
      if (holdout) {
        cells.push(el('td', { class: 'num', text: fmtInt(Math.round(m.holdout_predicted_transactions)) }));
        cells.push(el('td', { class: 'num', text: fmtMae(m.holdout_mae), dataset: { mae: String(m.holdout_mae) } }));
      }
      return el('tr', { dataset: { model: m.model, chosen: String(chosen) } }, cells);
    }))
  );
  const h = c.calibration_histogram;
  for (const key of Object.keys(NAMES)) {
    const expected = h.expected[key];
    if (!expected) continue;
    HuikeCharts.bars(
      $('chart-calib-' + key),
      h.bins,
      [
        { name: t('pred_calib_actual'), data: h.actual, color: '#1d4ed8' },
        { name: t('pred_calib_expected', { model: modelName(key) }), data: expected.map((v) => (v == null ? null : +v.toFixed(1))), color: key === c.chosen ? '#16a34a' : '#f59e0b' },
      ],
      t('calibration_freq'),
      t('pred_customers_axis')
    );
  }
}

export function nextOrderNote(p) {
  const n = p.next_order;
  return t('pred_next_order_note', { asof: n.as_of, within: fmtInt(n.within_horizon), d: fmtInt(n.horizon_days) });
}
