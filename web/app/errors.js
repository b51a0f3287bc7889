// An engine error as the page shows it: a title and an explanation in the page's language
// (err_<CODE>, hint_<CODE>, the line and the option filled in), and the engine's own English
// message only as a marked "details" line underneath.
import { t, has } from '../i18n/index.js';
import { el } from './dom.js';

/** @typedef {{code?: string, message?: string, line?: number}} ShownError */

/**
 * @param {ShownError} error
 * @returns {{title: string, body: string, line: string, details: string}}
 */
export function explain(error) {
  const code = error.code || 'E_INTERNAL';
  const title = has('err_' + code) ? t('err_' + code) : t('err_generic');
  // Option names are the JSON keys, the same in every language: "churn_window_days must be …".
  const option = code === 'E_BAD_OPTION' ? /^(--)?([a-z][a-z0-9_-]*)\b/.exec(error.message || '') : null;
  const vars = { line: error.line || '', option: option ? option[2] : '' };
  let body = has('hint_' + code) ? t('hint_' + code, vars) : '';
  if (option) body = t('pf_bad_option_named', { option: option[2] }) + ' ' + body;
  const message = error.message || '';
  const line = error.line && !(has('hint_' + code) && t('hint_' + code).includes('{line}')) ? t('err_line', { line: error.line }) : '';
  return { title, body, line, details: message && message !== title ? t('pf_error_details', { msg: message, code }) : t('pf_error_code', { code }) };
}

/**
 * Fills `node` (a paragraph under a control) with the title and explanation, and the
 * engine's message as a secondary line.
 * @param {HTMLElement} node
 * @param {ShownError} error
 */
export function showEngineError(node, error) {
  const { title, body, line, details } = explain(error);
  const gap = t('pf_sentence_gap');
  node.replaceChildren(
    el('span', { class: 'err-main', text: title + (body ? gap + body : '') + (line ? gap + line : '') }),
    el('small', { class: 'err-details', dataset: { errorCode: error.code || '' }, text: details })
  );
}
