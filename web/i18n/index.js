// zh-CN and English. Segment names and actions are not here: they come from the report
// itself (name_zh / name_en), so the page always says what the engine computed.
// The page's common strings are in zh-CN.js / en.js; a feature's view brings its own file
// (`{ 'zh-CN': {...}, en: {...} }`) listed in FEATURES, so views never edit a shared file.
import zh from './zh-CN.js';
import en from './en.js';
import health from './health.js';
import prediction from './prediction.js';
import members from './members.js';
import reminders from './reminders.js';
import identity from './identity.js';
import pageFixes from './page_fixes.js';
import warnings from './warnings.js';

/** @typedef {'zh-CN' | 'en'} Lang */
/** @typedef {Record<Lang, Record<string, string>>} Strings */

/** @type {Strings[]} One entry per feature file, e.g. `import members from './members.js'`. */
export const FEATURES = [prediction, health, members, reminders, identity, pageFixes, warnings];

/** @type {Strings} */
export const strings = { 'zh-CN': { ...zh }, en: { ...en } };
for (const feature of FEATURES) {
  Object.assign(strings['zh-CN'], feature['zh-CN']);
  Object.assign(strings.en, feature.en);
}

/** @type {Lang} */
let current = 'zh-CN';

/** @param {string | null | undefined} requested @returns {Lang} */
export function pick(requested) {
  return /^zh/i.test(requested || '') ? 'zh-CN' : 'en';
}

/** @returns {Lang} */
export function lang() {
  return current;
}

/** @param {string | null | undefined} value */
export function setLang(value) {
  current = pick(value);
}

/**
 * t('key', {name: value}) → text; a missing key falls back to English, then to the key.
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function t(key, vars) {
  let text = strings[current][key];
  if (text === undefined) text = strings.en[key];
  if (text === undefined) return key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (vars[name] === undefined ? m : String(vars[name])));
  return text;
}

/** @param {string} key */
export function has(key) {
  return strings[current][key] !== undefined || strings.en[key] !== undefined;
}

/**
 * Static text: elements with data-i18n get their text (always textContent, never HTML).
 * @param {ParentNode} [root]
 */
export function apply(root) {
  if (!root || root === document) document.documentElement.lang = current;
  for (const node of /** @type {NodeListOf<HTMLElement>} */ ((root || document).querySelectorAll('[data-i18n]'))) {
    node.textContent = t(node.dataset.i18n || '');
  }
}

/** A segment's name and action in the current language. @param {{name_zh: string, name_en: string, action_zh: string, action_en: string}} s */
export const segName = (s) => (current === 'zh-CN' ? s.name_zh : s.name_en);
/** @param {{name_zh: string, name_en: string, action_zh: string, action_en: string}} s */
export const segAction = (s) => (current === 'zh-CN' ? s.action_zh : s.action_en);
