// The portal side of component-example.html: hand the chosen file to <huike-report>.
import './huike-embed.mjs';

const report = /** @type {import('./types/huike-embed').HuikeReportElement} */ (document.getElementById('report'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const file = /** @type {HTMLInputElement} */ (document.getElementById('file'));
report.addEventListener('huike-progress', (e) => (status.textContent = `${/** @type {CustomEvent} */ (e).detail.rows} rows`));
report.addEventListener('huike-done', (e) => (status.textContent = `${/** @type {CustomEvent} */ (e).detail.report.totals.customers} customers`));
report.addEventListener('huike-error', (e) => (status.textContent = /** @type {CustomEvent} */ (e).detail.code));
file.addEventListener('change', () => {
  if (file.files && file.files[0]) report.analyze(file.files[0]).catch(() => {});
});
