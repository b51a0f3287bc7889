// One page (the offline page, or one <huike-report> element): its store, its engine client,
// an instance of every registered view, the tab bar, and re-rendering on a new report.
import '../views/index.js';
import { registeredViews } from '../views/registry.js';
import { createStore } from './store.js';
import { t, apply } from '../i18n/index.js';
import { el } from './dom.js';
import { HuikeCharts } from '../charts.js';
import { EngineClient } from '../client/engine_client.js';
import { installPageKeys } from './page_keys.js';

/** @typedef {import('../views/registry.js').App} App */

/**
 * @param {{root: Document | ShadowRoot, host: HTMLElement, workerSource: string}} where
 * @returns {App & {dispose: () => void, relabel: () => void}}
 */
export function createPage({ root, host, workerSource }) {
  /** @type {EngineClient | null} */
  let client = null;
  const byId = (/** @type {string} */ id) => {
    const node = root.getElementById(id);
    if (!node) throw new Error('the page has no #' + id);
    return /** @type {HTMLElement & HTMLInputElement} */ (node);
  };
  /** @type {App} */
  const app = {
    store: createStore(),
    client: () => (client ||= new EngineClient(workerSource)),
    $: byId,
    root,
    host,
    instances: [],
    actions: /** @type {any} */ ({}),
  };
  const tabs = registeredViews().filter((v) => v.tab);

  // A view with a tab and no markup of its own on the page gets a tab and a panel.
  for (const view of tabs) {
    if (root.getElementById('view-' + view.id)) continue;
    byId('tabs').append(el('button', { type: 'button', role: 'tab', id: 'tab-' + view.id, class: 'tab', dataset: { view: view.id, i18n: view.tab }, 'aria-selected': 'false', 'aria-controls': 'view-' + view.id }));
    byId('views').append(el('div', { id: 'view-' + view.id, role: 'tabpanel', 'aria-labelledby': 'tab-' + view.id, hidden: '' }));
  }

  app.actions.showView = (name) => {
    app.store.view = name;
    for (const view of tabs) {
      const on = view.id === name;
      const tab = byId('tab-' + view.id);
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.classList.toggle('active', on);
      byId('view-' + view.id).hidden = !on;
    }
    host.dataset.view = name;
    requestAnimationFrame(() => HuikeCharts.resizeAll());
  };

  app.actions.renderResults = (keepScroll) => {
    const r = app.store.report;
    if (!r) return;
    byId('results').hidden = false;
    byId('start').hidden = true;
    byId('btn-new').hidden = false;
    apply(byId('results'));
    byId('result-files').textContent = app.store.label;
    byId('result-meta').textContent = t('meta', {
      first: r.analysis.first_order_date,
      last: r.analysis.last_order_date,
      asof: r.analysis.as_of,
      secs: (app.store.elapsedMs / 1000).toFixed(2),
    }) + (app.store.engines === 2 ? t('meta_two_engines') : '');
    for (const view of app.instances) if (view.render) view.render(r);
    if (!keepScroll && root === document) window.scrollTo({ top: 0 });
  };

  for (const view of registeredViews()) app.instances.push(view.create(app));
  installPageKeys(root, host);

  for (const view of tabs) byId('tab-' + view.id).addEventListener('click', () => app.actions.showView(view.id));
  byId('tabs').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const at = tabs.findIndex((v) => v.id === app.store.view);
    const next = tabs[(at + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length].id;
    app.actions.showView(next);
    byId('tab-' + next).focus();
  });

  return Object.assign(app, {
    dispose() {
      if (client) client.dispose();
      client = null;
    },
    relabel() {
      apply(root);
      if (app.store.report && !byId('results').hidden) app.actions.renderResults(true);
      for (const view of app.instances) if (view.relabel) view.relabel();
    },
  });
}
