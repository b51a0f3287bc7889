// The data warnings (report.warnings, issues 11 and 13): on the overview every warning that
// fired, with its figures, what would change the numbers (applied by re-reading the file with
// that ingest option or mapping) and its rule in words with the settings' values; the
// settings themselves below. The Prediction view shows the outlier-date warning before a fit.
import { t } from '../i18n/index.js';
import { el } from '../app/dom.js';
import { fmtInt, fmtPct, fmtNum } from '../app/format.js';
import { rerunWith, settingInput } from './tier_parts.js';

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').DataWarning} DataWarning */
/** @typedef {import('../types/huike-embed').WarningsSection} WarningsSection */
/** @typedef {import('../types/huike-embed').IngestOptions} IngestOptions */

/** @typedef {Record<string, number>} Settings */
/**
 * Per rule: its settings' keys, and the words of the rule and of the warning.
 * @type {Record<string, {keys: string[], rule: (s: Settings, f: Record<string, any>) => Record<string, string | number>,
 *   text?: (f: Record<string, any>) => Record<string, string | number>}>}
 */
const RULES = {
  W_DOMINANT_CUSTOMER: {
    keys: ['warn_customer_share', 'warn_min_customers'],
    rule: (s) => ({ share: fmtPct(s.warn_customer_share), min: fmtInt(s.warn_min_customers) }),
    text: (f) => ({ id: f.top[0].customer_id, os: fmtPct(f.top[0].order_share), rs: fmtPct(f.top[0].revenue_share),
      orders: fmtInt(f.top[0].orders), total: fmtInt(f.orders), column: f.identity_column || '' }),
  },
  W_AMOUNT_REPEATED: {
    keys: ['warn_repeated_share'],
    rule: (s) => ({ share: fmtPct(s.warn_repeated_share) }),
    text: (f) => ({ rep: fmtInt(f.repeated_orders), multi: fmtInt(f.multi_line_orders), header: f.header_says }),
  },
  W_ZERO_VALUE_ORDERS: {
    keys: ['warn_zero_share'],
    rule: (s) => ({ share: fmtPct(s.warn_zero_share) }),
    text: (f) => ({ zero: fmtInt(f.zero_orders), orders: fmtInt(f.orders), share: fmtPct(f.share), amount: f.amount_column || '',
      column: f.candidates[0] || '' }),
  },
  W_ONE_TIME_BUYERS: {
    keys: ['warn_one_time_share', 'warn_min_customers', 'warn_one_time_min_years'],
    rule: (s) => ({ share: fmtPct(s.warn_one_time_share), min: fmtInt(s.warn_min_customers), years: fmtNum(s.warn_one_time_min_years) }),
    text: (f) => ({ one: fmtInt(f.one_time_customers), customers: fmtInt(f.customers), share: fmtPct(f.share),
      years: fmtNum(f.span_years), column: f.customer_column || '', identity: f.identity_column || '' }),
  },
  W_ONE_DAY_DATES: {
    keys: ['warn_one_day_share', 'warn_one_day_min_orders'],
    rule: (s) => ({ share: fmtPct(s.warn_one_day_share), min: fmtInt(s.warn_one_day_min_orders) }),
    text: (f) => ({ n: fmtInt(f.day_orders), orders: fmtInt(f.orders), share: fmtPct(f.share), day: f.day,
      column: f.date_column || '', candidate: f.candidates[0] || '' }),
  },
  W_AMOUNTS_IN_CENTS: {
    keys: ['warn_cents_median'],
    rule: (s) => ({ median: fmtInt(s.warn_cents_median) }),
    text: (f) => ({ share: fmtPct(f.share_at_or_above), column: f.amount_column || '' }),
  },
  W_OUTLIER_DATES: {
    keys: ['warn_date_floor_year', 'warn_outlier_years'],
    rule: (s, f) => ({ year: String(s.warn_date_floor_year), years: fmtNum(s.warn_outlier_years), p1: f.p1 || '…', p99: f.p99 || '…' }),
    text: (f) => ({ before: fmtInt(f.before), after: fmtInt(f.after), low: f.low_cut, high: f.high_cut, first: f.first_date,
      last: f.last_date, lines: f.example_lines.join(', ') }),
  },
};
// Rule 2's note (the decision made) shares the rule of its warning.
RULES.W_AMOUNT_PER_ORDER = RULES.W_AMOUNT_REPEATED;

/** @param {DataWarning} w @returns {string} what would change the numbers, in words */
function actionText(w) {
  const f = w.figures;
  const vars = RULES[w.code].text?.(f) || {};
  if (w.code === 'W_OUTLIER_DATES') {
    const range = f.since && f.until ? t('dwarn_range_both', f) : f.since ? t('dwarn_range_from', f) : t('dwarn_range_to', f);
    return t('dwarn_W_OUTLIER_DATES_do', { range });
  }
  const noneKey = 'dwarn_' + w.code + '_none';
  return t(w.action || !['W_DOMINANT_CUSTOMER', 'W_ZERO_VALUE_ORDERS', 'W_ONE_TIME_BUYERS', 'W_ONE_DAY_DATES'].includes(w.code)
    ? 'dwarn_' + w.code + '_do' : noneKey, vars);
}

/** @param {DataWarning} w */
function warningText(w) {
  const vars = RULES[w.code].text?.(w.figures) || {};
  if (w.code === 'W_AMOUNTS_IN_CENTS' && w.figures.header_says_cents) return t('dwarn_W_AMOUNTS_IN_CENTS_header', vars);
  return t('dwarn_' + w.code, vars);
}

/** @type {import('./registry.js').ViewDefinition} */
export const warningsView = {
  id: 'warnings',
  create(app) {
    const { store, actions } = app;
    const list = el('div', { class: 'dwarn-list', id: 'data-warnings-list' });
    const settings = el('div', { class: 'dwarn-settings tier-settings', id: 'data-warnings-settings' });
    const error = el('p', { class: 'error-text small', id: 'data-warnings-error' });
    const box = el('section', { class: 'card data-warnings', id: 'data-warnings' }, [
      el('div', { class: 'card-head' }, [el('h2', { dataset: { i18n: 'dwarn_title' }, text: t('dwarn_title') }),
        el('span', { class: 'muted small', dataset: { i18n: 'dwarn_intro' }, text: t('dwarn_intro') })]),
      list,
      el('details', null, [el('summary', { dataset: { i18n: 'dwarn_settings' }, text: t('dwarn_settings') }), settings]),
      error,
    ]);
    const predictBox = el('section', { class: 'card data-warnings', id: 'predict-warnings', hidden: '' });
    // A <huike-report> showing only some views may lack a panel.
    app.root.getElementById('view-overview')?.prepend(box);
    app.root.getElementById('view-predict')?.prepend(predictBox);

    /** Re-reads the files with the warning's ingest options added. @param {IngestOptions} patch */
    function apply(patch) {
      const columns = { ...(store.ingest.columns || {}), ...(patch.columns || {}) };
      store.ingest = { ...store.ingest, ...patch, ...(Object.keys(columns).length ? { columns } : {}) };
      actions.analyze(store.files, store.label);
    }

    /** @param {DataWarning} w @param {WarningsSection} section */
    function item(w, section) {
      const rule = RULES[w.code];
      const action = w.action;
      // Inline (CSSOM) so the shared style sheet stays untouched: amber for warnings, blue for notes.
      const edge = 'border-left: 4px solid ' + (w.severity === 'info' ? '#2563eb' : '#d97706') + '; padding-left: 10px; margin: 10px 0';
      return el('div', { class: 'dwarn-item dwarn-' + w.severity, dataset: { code: w.code }, style: edge }, [
        el('div', { class: 'dwarn-head' }, [
          el('span', { class: 'tab-badge dwarn-badge', text: t(w.severity === 'info' ? 'dwarn_info' : 'dwarn_warning') }),
          el('b', { text: ' ' + t('dwarn_' + w.code + '_title') }),
        ]),
        el('p', { class: 'dwarn-text', text: warningText(w) }),
        el('p', { class: 'dwarn-do' }, [
          el('span', { text: actionText(w) + ' ' }),
          action ? el('button', { type: 'button', class: 'btn small dwarn-apply', dataset: { code: w.code }, text: t('dwarn_apply'),
            onclick: () => apply(action.ingest) }) : null,
        ]),
        action ? el('p', { class: 'muted small dwarn-cli' }, [el('code', { text: t('dwarn_cli', { cli: action.cli }) })])
          : el('p', { class: 'muted small', text: t('dwarn_no_action') }),
        el('p', { class: 'muted small dwarn-rule', text: t('dwarn_' + w.code + '_rule', rule.rule(section.settings, w.figures)) }),
      ]);
    }

    /** @param {WarningsSection} section */
    function renderSettings(section) {
      const change = (/** @type {string} */ key, /** @type {number} */ value) => rerunWith(app, { [key]: value }, error);
      const rows = [];
      for (const code of Object.keys(RULES)) {
        if (code === 'W_AMOUNT_PER_ORDER') continue;
        const fired = section.items.find((w) => w.code === code);
        rows.push(el('div', { class: 'dwarn-setting-rule', dataset: { rule: code } }, [
          el('p', { class: 'small', text: t('dwarn_' + code + '_rule', RULES[code].rule(section.settings, fired ? fired.figures : {})) }),
          ...RULES[code].keys.map((key) => settingInput(key, /** @type {any} */ (section.settings)[key], t('dwarn_set_' + key), change)),
        ]));
      }
      settings.replaceChildren(...rows);
    }

    return {
      render(r) {
        const section = r.warnings;
        if (!section) return;
        list.replaceChildren(...(section.items.length ? section.items.map((w) => item(w, section))
          : [el('p', { class: 'muted dwarn-none', text: t('dwarn_none', { n: Object.keys(RULES).length - 1 }) })]));
        box.dataset.count = String(section.items.length);
        renderSettings(section);
        // Before a fit: the outlier dates skew it (issue 13).
        const outliers = section.items.filter((w) => w.code === 'W_OUTLIER_DATES');
        predictBox.hidden = !outliers.length;
        predictBox.replaceChildren(...outliers.map((w) => item(w, section)),
          ...(outliers.length ? [el('p', { class: 'small dwarn-predict-note', text: t('dwarn_predict_note') })] : []));
      },
    };
  },
};
