// What the Members and Win-back views share: re-running the report with one setting changed
// (the analyses re-run on the orders in memory), and a setting's input next to its rule.
import { t, lang } from '../i18n/index.js';
import { el } from '../app/dom.js';
import { RequestType } from '../protocol/requests.js';

/** @typedef {import('./registry.js').App} App */
/** @typedef {import('../types/huike-embed').AnalysisOptions} AnalysisOptions */

/**
 * Re-runs the report with `patch` over the current settings; the page re-renders.
 * @param {App} app
 * @param {Record<string, number>} patch
 * @param {HTMLElement} errorNode
 */
export async function rerunWith(app, patch, errorNode) {
  const { store } = app;
  const analysis = /** @type {AnalysisOptions} */ ({ ...store.analysis, ...patch });
  const runId = ++store.runId;
  errorNode.textContent = '';
  app.host.dataset.state = 'running';
  try {
    const { report } = await app.client().request(RequestType.REPORT, { options: { analysis } });
    if (runId !== store.runId) return;
    store.analysis = analysis;
    store.report = report;
    app.actions.renderResults(true);
  } catch (error) {
    if (runId === store.runId) errorNode.textContent = /** @type {Error} */ (error).message;
  } finally {
    if (runId === store.runId) app.host.dataset.state = 'done';
  }
}

/**
 * A number input for one setting (a share is shown in per cent); `onChange` gets the engine's value.
 * @param {string} key the option key (high_spend_share …)
 * @param {number} value
 * @param {string} label
 * @param {(key: string, value: number) => void} onChange
 */
export function settingInput(key, value, label, onChange) {
  const percent = key.endsWith('_share');
  const input = el('input', {
    type: 'number', min: '0', step: percent ? '1' : 'any', value: String(percent ? +(value * 100).toFixed(4) : value),
    dataset: { setting: key }, 'aria-label': label,
  });
  input.addEventListener('change', () => {
    const shown = Number(input.value);
    const engineValue = percent ? shown / 100 : shown;
    if (input.value === '' || !(engineValue > 0)) {
      input.setCustomValidity(t('members_bad_setting'));
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    onChange(key, engineValue);
  });
  return el('label', { class: 'tier-setting' }, [el('span', { class: 'muted small', text: label }), input]);
}

/** The text of a report entry in the page's language. @param {Record<string, any>} entry @param {string} field */
export const inLang = (entry, field) => entry[field + (lang() === 'zh-CN' ? '_zh' : '_en')];
