// Numbers in the page's language.
import { lang } from '../i18n/index.js';

const locale = () => (lang() === 'zh-CN' ? 'zh-CN' : 'en-US');
/** @param {number} n */
export const fmtInt = (n) => Number(n).toLocaleString(locale());
/** @param {number} x */
export const fmtMoney = (x) => Number(x).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** @param {number} x */
export const fmtNum = (x, d = 1) => Number(x).toLocaleString(locale(), { maximumFractionDigits: d });
/** @param {number} x */
export const fmtPct = (x) => (x * 100).toFixed(1) + '%';
/** @param {number} n */
export function fmtBytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1 << 20) return (n / 1024).toFixed(1) + ' KB';
  if (n < 1 << 30) return (n / (1 << 20)).toFixed(1) + ' MB';
  return (n / (1 << 30)).toFixed(2) + ' GB';
}
