// The Health tab (客户结构): the sentences a shop owner reads first, new vs returning per
// period, churn and active customers, the cohort heatmap, the migration Sankey, exports.
// Its own settings (the earlier date, the period) are merged into the page's analysis
// options for its own report request; the other views keep theirs.
import { csvLang } from './csv_lang.js';
import { showEngineError } from '../app/errors.js';
import { t, has, segName } from '../i18n/index.js';
import { el, download } from '../app/dom.js';
import { fmtInt, fmtMoney, fmtNum, fmtPct } from '../app/format.js';
import { RequestType } from '../protocol/requests.js';
import { customersChart, churnChart, cohortHeatmap, migrationSankey } from './health_charts.js';
import { healthSentences, monthlyTable, cohortTable, matrixTable } from './health_parts.js';

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').AnalysisOptions} AnalysisOptions */

const fmt = { t, int: fmtInt, money: fmtMoney, pct: fmtPct };

/** @param {string} key @param {Record<string, any>} [props] @param {any[]} [children] */
const labelled = (key, props, children) => el('label', props, [el('span', { dataset: { i18n: key } }), ...(children || [])]);
/** @param {string} id @param {[string, string][]} options value → i18n key */
const select = (id, options) => el('select', { id }, options.map(([value, key]) => el('option', { value, dataset: { i18n: key } })));
/** @param {string} title @param {any[]} children */
const card = (title, children, id) => el('div', { class: 'card', id }, [el('div', { class: 'card-head' }, [el('h2', { dataset: { i18n: title } })]), ...children]);
const details = (/** @type {string} */ key, /** @type {string} */ id) =>
  el('details', { class: 'health-details' }, [el('summary', { dataset: { i18n: key } }), el('div', { class: 'table-wrap' }, [el('table', { id, class: 'table' })])]);

/** @type {import('./registry.js').ViewDefinition} */
export const healthView = {
  id: 'health',
  tab: 'tab_health',
  create(app) {
    const { $, store } = app;
    const panel = $('view-health');
    panel.append(
      card('health_title', [
        el('p', { class: 'muted small lead', dataset: { i18n: 'health_hint' } }),
        el('div', { class: 'settings-grid' }, [
          labelled('health_compare', {}, [el('input', { id: 'health-compare', type: 'date' }), el('small', { id: 'health-compare-hint', class: 'muted' })]),
          labelled('health_period', {}, [select('health-period', [['month', 'health_period_month'], ['week', 'health_period_week']])]),
        ]),
        el('span', { id: 'health-busy', class: 'muted small', dataset: { i18n: 'health_busy' }, hidden: '' }),
        el('p', { id: 'health-error', class: 'error-hint' }),
      ]),
      el('div', { id: 'health-body' }, [
        card('health_first_title', [el('ul', { id: 'health-sentences', class: 'health-sentences' })]),
        card('health_customers_title', [el('p', { class: 'muted small', dataset: { i18n: 'health_customers_rule' } }), el('div', { id: 'chart-health-customers', class: 'chart' })]),
        card('health_churn_title', [el('p', { id: 'health-churn-rule', class: 'muted small' }), el('div', { id: 'chart-health-churn', class: 'chart' }), details('health_table_monthly', 'health-monthly-table')]),
        card('health_cohorts_title', [
          el('p', { class: 'muted small', dataset: { i18n: 'health_cohorts_rule' } }),
          el('div', { class: 'row-actions' }, [
            labelled('health_measure', { class: 'inline' }, [select('health-measure', [['retention', 'health_measure_retention'], ['revenue', 'health_measure_revenue']])]),
            el('button', { type: 'button', id: 'btn-health-cohorts-csv', class: 'btn small', dataset: { i18n: 'health_export_cohorts' } }),
          ]),
          el('p', { id: 'health-cohorts-incomplete', class: 'muted small' }),
          el('div', { id: 'chart-health-cohorts', class: 'chart' }),
          details('health_table_cohorts', 'health-cohort-table'),
        ]),
        card('health_migration_title', [
          el('p', { id: 'health-migration-rule', class: 'muted small' }),
          el('div', { class: 'row-actions' }, [
            labelled('health_scheme', { class: 'inline' }, [select('health-scheme', [['eight', 'health_scheme_eight'], ['grid', 'health_scheme_grid']])]),
            el('button', { type: 'button', id: 'btn-health-migration-csv', class: 'btn small', dataset: { i18n: 'health_export_migration' } }),
          ]),
          el('div', { id: 'chart-health-sankey', class: 'chart health-sankey', style: 'height: 460px' }),
          el('div', { class: 'table-wrap' }, [el('table', { id: 'health-matrix', class: 'table' })]),
        ]),
      ]),
      el('p', { id: 'health-empty', class: 'muted', hidden: '' }),
    );

    /** @type {{compare_as_of?: string, period?: 'week'}} */
    const local = {};
    /** @type {Report | null} */
    let shown = null;
    let drawn = false;
    let run = 0;
    const options = () => /** @type {AnalysisOptions} */ ({ ...store.analysis, ...local });

    /** A segment key's name in the page's language (`new`: not a customer yet). @param {import('../types/huike-embed').Segment[]} list */
    const namer = (list) => (/** @type {string} */ key) => {
      if (key === 'new') return t('health_new_row');
      const s = list.find((x) => x.key === key);
      return s ? segName(s) : key;
    };

    // Charts are drawn when the tab is visible (ECharts needs a size).
    function draw() {
      const r = shown;
      if (!r || drawn || panel.hidden || !r.health.monthly.length) return;
      drawn = true;
      const h = r.health;
      const series = h.weekly && local.period === 'week' ? h.weekly : h.monthly;
      customersChart($('chart-health-customers'), series, fmt);
      churnChart($('chart-health-churn'), series, fmt);
      cohortHeatmap($('chart-health-cohorts'), h.cohorts, /** @type {'retention' | 'revenue'} */ ($('health-measure').value), fmt);
      const scheme = $('health-scheme').value === 'grid' ? 'grid' : 'eight';
      migrationSankey($('chart-health-sankey'), r.migration[scheme], namer(r.segments[scheme]),
        { earlier: r.migration.earlier.as_of, later: r.migration.later.as_of }, fmt);
    }

    /** @param {Report} r */
    function show(r) {
      shown = r;
      drawn = false;
      const h = r.health;
      const m = r.migration;
      const empty = !h.monthly.length;
      $('health-body').hidden = empty;
      $('health-empty').hidden = !empty;
      $('health-empty').textContent = h.skipped ? t('health_skipped') : t('health_empty');
      $('health-compare-hint').textContent = local.compare_as_of ? '' : t('health_compare_hint', { d: m.earlier.as_of });
      if (!local.compare_as_of) $('health-compare').value = '';
      $('health-compare').max = r.analysis.as_of;
      if (empty) return;
      const series = h.weekly && local.period === 'week' ? h.weekly : h.monthly;
      const last = series[series.length - 1];
      $('health-churn-rule').textContent = t('health_churn_rule', { w: h.churn_window_days, end: last.end });
      const scheme = $('health-scheme').value === 'grid' ? 'grid' : 'eight';
      const e = m.earlier.thresholds;
      const l = m.later.thresholds;
      $('health-migration-rule').textContent = t('health_migration_rule', {
        from: m.earlier.as_of, to: m.later.as_of,
        r1: fmtNum(e.recency_days), f1: fmtNum(e.frequency, 2), m1: fmtMoney(e.monetary),
        r2: fmtNum(l.recency_days), f2: fmtNum(l.frequency, 2), m2: fmtMoney(l.monetary),
      });
      $('health-cohorts-incomplete').textContent = h.cohorts.last_diagonal_incomplete ? t('health_cohorts_incomplete', { m: h.cohorts.last_month || '' }) : '';
      healthSentences($('health-sentences'), r, series, namer(r.segments.eight), fmt);
      monthlyTable($('health-monthly-table'), series, fmt);
      cohortTable($('health-cohort-table'), h.cohorts, fmt);
      matrixTable($('health-matrix'), m[scheme], namer(r.segments[scheme]), fmt);
      app.host.dataset.healthState = 'done';
      draw();
    }

    async function refresh() {
      const runId = store.runId;
      const mine = ++run;
      $('health-busy').hidden = false;
      $('health-error').textContent = '';
      app.host.dataset.healthState = 'running';
      try {
        const { report } = await app.client().request(RequestType.REPORT, { options: { analysis: options() } });
        if (runId !== store.runId || mine !== run) return;
        show(report);
      } catch (error) {
        if (mine !== run) return;
        showEngineError($('health-error'), error);
        app.host.dataset.healthState = 'error';
      } finally {
        if (mine === run) $('health-busy').hidden = true;
      }
    }

    /** @param {'cohorts' | 'migration'} kind */
    async function exportCsv(kind) {
      if (!shown) return;
      $('health-error').textContent = '';
      try {
        const { bytes } = await app.client().request(RequestType.HEALTH_CSV, { options: { analysis: options(), csv_lang: csvLang() }, kind });
        const date = kind === 'migration' ? shown.migration.earlier.as_of + '_' + shown.migration.later.as_of : shown.analysis.as_of;
        download(bytes, 'huike_' + kind + '_' + date + '.csv');
      } catch (error) {
        showEngineError($('health-error'), error);
      }
    }

    $('health-compare').addEventListener('change', () => {
      const value = $('health-compare').value;
      if (value) local.compare_as_of = value;
      else delete local.compare_as_of;
      refresh();
    });
    $('health-period').addEventListener('change', () => {
      if ($('health-period').value === 'week') local.period = 'week';
      else delete local.period;
      refresh();
    });
    const redraw = () => shown && show(shown);
    $('health-measure').addEventListener('change', redraw);
    $('health-scheme').addEventListener('change', redraw);
    $('btn-health-cohorts-csv').addEventListener('click', () => exportCsv('cohorts'));
    $('btn-health-migration-csv').addEventListener('click', () => exportCsv('migration'));
    new MutationObserver(draw).observe(panel, { attributes: true, attributeFilter: ['hidden'] });

    return {
      render(report) {
        if (local.compare_as_of || local.period) refresh();
        else show(report);
      },
      reset(sameFiles) {
        if (!sameFiles) {
          delete local.compare_as_of;
          $('health-compare').value = '';
        }
        $('health-error').textContent = '';
      },
      relabel: redraw,
    };
  },
};
