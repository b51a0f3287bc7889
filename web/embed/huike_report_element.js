// <huike-report>: the page's report views in a custom element with its own shadow DOM, for
// portals. el.analyze(fileOrBlob, options); attributes lang (zh-CN | en) and view (tabs to
// show, e.g. "overview,predict"); events huike-progress, huike-done, huike-error.
import workerSource from 'huike:worker-source';
import markup from 'huike:page-markup';
import styles from 'huike:styles';
import { createPage } from '../app/page.js';
import { setLang } from '../i18n/index.js';
import { splitOptions } from '../protocol/requests.js';

/** @typedef {import('../types/huike-embed').AnalyzerOptions} AnalyzerOptions */
/** @typedef {import('../types/huike-embed').Report} Report */

export class HuikeReportElement extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'view'];
  }

  constructor() {
    super();
    /** @type {ReturnType<typeof createPage> | null} */
    this.page = null;
  }

  /** @returns {NonNullable<HuikeReportElement['page']>} */
  ensurePage() {
    if (this.page) return this.page;
    const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    // A constructed sheet, not a <style>: a portal's CSP may forbid inline styles.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    shadow.adoptedStyleSheets = [sheet];
    const body = document.createElement('div');
    body.className = 'huike-root';
    // The markup is the page's own (fixed at build time, no file content in it).
    body.innerHTML = '<div class="top-actions"><button type="button" id="btn-new" class="btn ghost" data-i18n="new_analysis" hidden></button></div>' + markup;
    shadow.replaceChildren(body);
    this.page = createPage({ root: shadow, host: this, workerSource });
    this.page.$('start').hidden = true; // the portal hands the file over; no drop zone
    this.applyAttributes();
    return this.page;
  }

  applyAttributes() {
    if (!this.page) return;
    setLang(this.getAttribute('lang') || document.documentElement.lang || 'zh-CN');
    const wanted = (this.getAttribute('view') || '').split(/[\s,]+/).filter(Boolean);
    for (const tab of /** @type {NodeListOf<HTMLElement>} */ (this.page.root.querySelectorAll('.tabs .tab'))) {
      tab.hidden = wanted.length > 0 && !wanted.includes(tab.dataset.view || '');
    }
    this.showWantedView();
    this.page.relabel();
  }

  // A new analysis opens the overview; an element whose `view` leaves it out shows its first tab.
  showWantedView() {
    if (!this.page) return;
    const wanted = (this.getAttribute('view') || '').split(/[\s,]+/).filter(Boolean);
    if (wanted.length && !wanted.includes(this.page.store.view)) this.page.actions.showView(wanted[0]);
  }

  connectedCallback() {
    this.ensurePage();
  }

  attributeChangedCallback() {
    this.applyAttributes();
  }

  // Removed from the page: its worker ends with it.
  disconnectedCallback() {
    this.dispose();
  }

  /** @returns {Report | null} */
  get report() {
    return this.page ? this.page.store.report : null;
  }

  /**
   * Analyses a file; resolves with the report (also sent as huike-done), rejects on an error
   * (also sent as huike-error with its code).
   * @param {Blob | string} input
   * @param {AnalyzerOptions} [options]
   * @returns {Promise<Report>}
   */
  analyze(input, options = {}) {
    const page = this.ensurePage();
    const file = input instanceof File ? input : new File([input], 'orders.csv');
    return new Promise((resolve, reject) => {
      const done = (/** @type {Event} */ e) => finish(() => resolve(/** @type {CustomEvent} */ (e).detail.report));
      const failed = (/** @type {Event} */ e) => finish(() => reject(Object.assign(new Error(/** @type {CustomEvent} */ (e).detail.message), /** @type {CustomEvent} */ (e).detail)));
      const finish = (/** @type {() => void} */ settle) => {
        this.removeEventListener('huike-done', done);
        this.removeEventListener('huike-error', failed);
        settle();
      };
      this.addEventListener('huike-done', done);
      this.addEventListener('huike-error', failed);
      const { ingest, analysis } = splitOptions(options);
      page.store.ingest = /** @type {any} */ (ingest);
      page.store.analysis = /** @type {any} */ (analysis);
      page.actions.analyze([file], file.name);
      this.showWantedView();
    });
  }

  dispose() {
    if (this.page) this.page.dispose();
    this.page = null;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('huike-report')) {
  customElements.define('huike-report', HuikeReportElement);
}
