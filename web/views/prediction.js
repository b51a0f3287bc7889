// The prediction tab: BG/NBD, MBG/NBD and Pareto/NBD compared, with Gamma-Gamma, run on
// demand; the model comparison, the chosen model's parameters, P(alive) charts, the hold-out check, top CLV and the likely-to-churn export.
import { csvLang } from './csv_lang.js';
import { t, has } from '../i18n/index.js';
import { showEngineError } from '../app/errors.js';
import { download } from '../app/dom.js';
import { fmtInt, fmtMoney, fmtNum, fmtPct } from '../app/format.js';
import { HuikeCharts } from '../charts.js';
import { RequestType } from '../protocol/requests.js';
import { ErrorCode } from '../protocol/error_codes.js';
import { unitName, unitPlural, modelName, renderParams, renderHoldout, predictTable } from './prediction_parts.js';
import { renderComparison, nextOrderNote } from './prediction_models.js';

/** @typedef {import('../types/huike-embed').PredictOptions} PredictOptions */

/** @type {import('./registry.js').ViewDefinition} */
export const predictionView = {
  id: 'predict',
  tab: 'tab_predict',
  create(app) {
    const { $, store } = app;

    /** @returns {PredictOptions} */
    function readPredictOptions() {
      /** @type {PredictOptions} */
      const options = {};
      const calibration = $('pred-calibration').value;
      if (calibration) options.calibration_end = calibration;
      options.unit = /** @type {PredictOptions['unit']} */ ($('pred-unit').value);
      const horizon = Number($('pred-horizon').value);
      if ($('pred-horizon').value !== '') {
        if (!(Number.isInteger(horizon) && horizon >= 1 && horizon <= 36525)) throw Object.assign(new Error(t('bad_horizon')), { code: ErrorCode.E_PREDICT_OPTION });
        options.horizon_days = horizon;
      }
      const discount = Number($('pred-discount').value);
      if ($('pred-discount').value !== '') {
        if (!(discount >= 0 && discount <= 1000)) throw Object.assign(new Error(t('bad_discount')), { code: ErrorCode.E_PREDICT_OPTION });
        options.discount_rate = discount / 100;
      }
      options.model = /** @type {PredictOptions['model']} */ ($('pred-model').value);
      return options;
    }

    // The hints under the controls: what an empty calibration end means, what the model choice does.
    function renderPredictHints() {
      const a = store.report && store.report.analysis;
      if (a) {
        $('pred-calibration').min = a.first_order_date;
        $('pred-calibration').max = a.last_order_date;
      }
      const cal = $('pred-calibration').value;
      $('pred-calibration-hint').textContent = cal
        ? t('calibration_hint_set', { d: cal, last: a ? a.last_order_date : '' })
        : t('calibration_hint_empty', { last: a ? a.last_order_date : '' });
      const hints = { auto: 'pred_model_hint_auto', bgnbd: 'model_hint_bgnbd', mbgnbd: 'model_hint_mbgnbd', paretonbd: 'pred_model_hint_paretonbd' };
      $('pred-model-hint').textContent = t(hints[$('pred-model').value] || 'pred_model_hint_auto');
      const p = store.predict;
      let stale = false;
      if (p) {
        try {
          stale = JSON.stringify(readPredictOptions()) !== JSON.stringify(store.predictOptions);
        } catch (e) {
          stale = true;
        }
      }
      $('predict-stale').hidden = !stale;
    }

    async function runPredict() {
      $('predict-error').textContent = '';
      let options;
      try {
        options = readPredictOptions();
      } catch (error) {
        $('predict-error').textContent = error.message;
        return;
      }
      const runId = store.runId;
      const predictRun = ++store.predictRun;
      $('predict-busy').hidden = false;
      $('btn-predict').disabled = true;
      app.host.dataset.predictState = 'running';
      const request = app.client().send(RequestType.PREDICT, { predict: options });
      running = request.id;
      $('btn-predict-cancel').hidden = false;
      try {
        const { predict } = await request.promise;
        if (runId !== store.runId || predictRun !== store.predictRun) return;
        store.predict = predict;
        store.predictOptions = options;
        renderPredict();
        app.host.dataset.predictState = 'done';
      } catch (error) {
        if (runId !== store.runId || predictRun !== store.predictRun) return;
        if (error.code === ErrorCode.E_CANCELLED) {
          $('predict-error').textContent = t('pf_predict_cancelled');
          app.host.dataset.predictState = 'cancelled';
          return;
        }
        showEngineError($('predict-error'), error);
        app.host.dataset.predictState = 'error';
      } finally {
        if (running === request.id) running = 0;
        $('btn-predict-cancel').hidden = !running;
        if (predictRun === store.predictRun) {
          $('predict-busy').hidden = true;
          $('btn-predict').disabled = false;
        }
      }
    }

    function renderPredict() {
      const p = store.predict;
      $('predict-results').hidden = !p;
      $('predict-empty').hidden = !!p;
      $('tab-predict-badge').hidden = !p;
      renderPredictHints();
      if (!p) {
        $('predict-note').textContent = '';
        delete app.host.dataset.predictState;
        return;
      }
      const bg = p[p.model];
      const gg = p.gamma_gamma;
      $('tab-predict-badge').textContent = bg.converged ? '✓' : '!';
      $('tab-predict-badge').className = 'tab-badge ' + (bg.converged ? 'ok' : 'bad');
      $('predict-note').textContent = t('predict_run_note', {
        model: modelName(p.model),
        unit: unitName(p.unit),
        d: p.horizon_days,
        rate: fmtNum(p.annual_discount_rate * 100, 2),
        asof: p.predictions_as_of,
      });

      // Shop figures
      const shop = p.shop;
      const formats = {
        expected_alive_customers: fmtInt(Math.round(shop.expected_alive_customers)),
        mean_p_alive: fmtPct(shop.mean_p_alive),
        expected_purchases_next_horizon: fmtInt(Math.round(shop.expected_purchases_next_horizon)),
        expected_revenue_next_horizon: fmtMoney(shop.expected_revenue_next_horizon),
        total_clv: fmtMoney(shop.total_clv),
        customers_p_alive_below_0_5: fmtInt(shop.customers_p_alive_below_0_5),
      };
      for (const node of /** @type {NodeListOf<HTMLElement>} */ (app.root.querySelectorAll('[data-predict]'))) {
        node.textContent = formats[node.dataset.predict];
        node.dataset.value = String(shop[node.dataset.predict]);
        node.title = String(shop[node.dataset.predict]);
      }
      $('label-expected-purchases').textContent = t('p_expected_purchases', { d: p.horizon_days });
      $('label-expected-revenue').textContent = t('p_expected_revenue', { d: p.horizon_days });
      $('sub-p-fitted').textContent = t(p.customers.first_purchase_after_calibration_end ? 'p_fitted_later_sub' : 'p_fitted_sub', { n: fmtInt(p.customers.fitted), later: fmtInt(p.customers.first_purchase_after_calibration_end) });
      $('sub-p-no-purchase').textContent = t('p_no_purchase_sub', { p: fmtPct(shop.mean_p_no_purchase_next_horizon) });
      $('sub-p-clv').textContent = t('p_mean_clv_sub', { v: fmtMoney(shop.mean_clv) });
      $('sub-p-below').textContent = fmtPct(shop.customers_p_alive_below_0_5 / Math.max(1, shop.customers)) + ' · ' + t('p_below_half_sub');

      renderParams($, p, bg, gg);
      // A fit that did not converge is never shown as if it had.
      const problems = [];
      if (!bg.converged) problems.push(t('warn_bg_not_converged', { model: modelName(p.model), msg: bg.message }));
      if (gg.fitted && !gg.converged) problems.push(t('warn_gg_not_converged', { msg: gg.message }));
      $('predict-warning').hidden = !problems.length;
      $('predict-warning').textContent = problems.join(' ');

      HuikeCharts.pAliveHistogram($('chart-palive'), p.p_alive_histogram, t, fmtInt);
      const m = p.p_alive_matrix;
      $('matrix-caption').textContent = t('matrix_caption', { age: fmtNum(m.age, 1), unit: unitPlural(m.unit) });
      HuikeCharts.pAliveMatrix($('chart-matrix'), m, t, unitPlural(m.unit));

      renderComparison($, p, unitPlural);
      renderHoldout($, p.holdout);
      $('pred-next-order-note').textContent = nextOrderNote(p);

      predictTable($('pred-top'), p.top_customers.slice(0, 10), 'top');
      const churn = p.likely_to_churn.customers;
      $('churn-note').textContent = t('churn_note', { n: fmtInt(shop.customers_p_alive_below_0_5), shown: Math.min(10, churn.length) });
      predictTable($('pred-churn'), churn.slice(0, 10), 'churn');
      $('btn-export-churn').disabled = !shop.customers_p_alive_below_0_5;
      $('churn-export-error').textContent = '';
    }

    // Every customer with P(alive) < 0.5 under the models last run, with the prediction columns.
    async function exportChurn() {
      if (!store.predict) return;
      const button = $('btn-export-churn');
      button.disabled = true;
      $('churn-export-error').textContent = '';
      try {
        const { bytes } = await app.client().request(RequestType.CUSTOMERS_CSV, {
          options: { analysis: store.analysis, csv_lang: csvLang() },
          filter: { p_alive_below: 0.5 },
          predict: store.predictOptions,
        });
        download(bytes, 'huike_likely_to_churn_' + store.predict.predictions_as_of + '.csv');
      } catch (error) {
        $('churn-export-error').textContent = error.message;
      } finally {
        button.disabled = false;
      }
    }

    // A fit cannot be interrupted inside the engine: the worker is replaced and the files
    // re-read (client/worker_restart.js); the page stays usable, later requests wait for it.
    let running = 0;
    function cancelPredict() {
      if (!running) return;
      const target = running;
      running = 0;
      $('btn-predict-cancel').hidden = true;
      const note = $('predict-reread');
      note.hidden = false;
      note.textContent = t('pf_predict_rereading', { pct: '0' });
      app.host.dataset.predictReread = 'running';
      app.client().abort(target, (p) => {
        note.textContent = t('pf_predict_rereading', { pct: p.total ? Math.min(100, (100 * p.bytes) / p.total).toFixed(0) : '0' });
      }).then(() => {
        note.hidden = true;
        app.host.dataset.predictReread = 'done';
      });
    }
    $('btn-predict-cancel').addEventListener('click', cancelPredict);
    $('btn-predict').addEventListener('click', runPredict);
    $('btn-export-churn').addEventListener('click', exportChurn);
    for (const id of ['pred-calibration', 'pred-unit', 'pred-horizon', 'pred-discount', 'pred-model']) {
      $(id).addEventListener('input', renderPredictHints);
      $(id).addEventListener('change', renderPredictHints);
    }
    return {
      render: renderPredict,
      reset(sameFiles) {
        if (!sameFiles) $('pred-calibration').value = ''; // another file: its own period
        $('predict-error').textContent = '';
        $('predict-busy').hidden = true;
        $('btn-predict').disabled = false;
        running = 0;
        $('btn-predict-cancel').hidden = true;
      },
    };
  },
};
