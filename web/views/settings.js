// Settings: re-run the analyses on the orders in memory (no re-reading of the file).
import { RequestType } from '../protocol/requests.js';

/** @typedef {import('../types/huike-embed').AnalysisOptions} AnalysisOptions */

const IDS = ['set-as-of', 'set-thresholds', 'set-th-r', 'set-th-f', 'set-th-m', 'set-churn-window', 'set-at-risk', 'set-churned', 'set-returns'];

/** @type {import('./registry.js').ViewDefinition} */
export const settingsView = {
  id: 'settings',
  create(app) {
    const { $, store, actions } = app;
    let timer = 0;
    const showCustom = (/** @type {boolean} */ on) => app.root.querySelectorAll('.custom-th').forEach((n) => ((/** @type {HTMLElement} */ (n)).hidden = !on));

    /** @returns {AnalysisOptions} */
    function read() {
      /** @type {AnalysisOptions} */
      const a = {};
      const asOf = $('set-as-of').value;
      if (asOf && store.asOfSet) a.as_of = asOf;
      const mode = /** @type {AnalysisOptions['thresholds']} */ ($('set-thresholds').value);
      if (mode !== 'mean') a.thresholds = mode;
      if (mode === 'custom') {
        a.custom_thresholds = {
          recency: Number($('set-th-r').value) || 0,
          frequency: Number($('set-th-f').value) || 0,
          monetary: Number($('set-th-m').value) || 0,
        };
      }
      /** @param {string} id @param {'churn_window_days' | 'at_risk_multiplier' | 'churned_multiplier'} key @param {number} fallback */
      const num = (id, key, fallback) => {
        const v = Number($(id).value);
        if ($(id).value !== '' && v !== fallback) a[key] = v;
      };
      num('set-churn-window', 'churn_window_days', 365);
      num('set-at-risk', 'at_risk_multiplier', 1.5);
      num('set-churned', 'churned_multiplier', 2);
      if ($('set-returns').value !== 'subtract') a.returns = /** @type {AnalysisOptions['returns']} */ ($('set-returns').value);
      return a;
    }

    function changed() {
      clearTimeout(timer);
      showCustom($('set-thresholds').value === 'custom');
      timer = /** @type {any} */ (setTimeout(rerun, 250));
    }

    // Keys these settings own; other views' settings (member tiers, win-back) are kept.
    const OWN = ['as_of', 'thresholds', 'custom_thresholds', 'churn_window_days', 'at_risk_multiplier', 'churned_multiplier', 'returns'];

    async function rerun() {
      const others = Object.fromEntries(Object.entries(store.analysis).filter(([key]) => !OWN.includes(key)));
      const analysis = { ...others, ...read() };
      const runId = ++store.runId;
      $('settings-busy').hidden = false;
      $('settings-error').textContent = '';
      app.host.dataset.state = 'running';
      try {
        const { report } = await app.client().request(RequestType.REPORT, { options: { analysis } });
        if (runId !== store.runId) return;
        store.analysis = analysis;
        store.report = report;
        actions.renderResults(true);
        app.host.dataset.state = 'done';
      } catch (error) {
        if (runId !== store.runId) return;
        $('settings-error').textContent = /** @type {Error} */ (error).message;
        app.host.dataset.state = 'done';
      } finally {
        if (runId === store.runId) $('settings-busy').hidden = true;
      }
    }

    $('btn-settings').addEventListener('click', () => ($('settings').hidden = !$('settings').hidden));
    // Until the user picks a date, the engine's default (the day after the latest order) holds.
    $('set-as-of').addEventListener('input', () => (store.asOfSet = true));
    for (const id of IDS) $(id).addEventListener('change', changed);
    $('btn-settings-reset').addEventListener('click', () => {
      store.analysis = {};
      store.asOfSet = false;
      $('set-as-of').value = '';
      $('set-thresholds').value = 'mean';
      $('set-churn-window').value = '365';
      $('set-at-risk').value = '1.5';
      $('set-churned').value = '2';
      $('set-returns').value = 'subtract';
      changed();
    });

    return {
      render(report) {
        const a = report.analysis;
        $('set-as-of').value = a.as_of;
        $('set-thresholds').value = a.thresholds;
        $('set-churn-window').value = String(a.churn_window_days);
        $('set-at-risk').value = String(a.at_risk_multiplier);
        $('set-churned').value = String(a.churned_multiplier);
        $('set-returns').value = a.returns;
        const th = report.thresholds;
        $('set-th-r').value = String(+th.recency_days.toFixed(2));
        $('set-th-f').value = String(+th.frequency.toFixed(2));
        $('set-th-m').value = String(+th.monetary.toFixed(2));
        showCustom(a.thresholds === 'custom');
      },
    };
  },
};
