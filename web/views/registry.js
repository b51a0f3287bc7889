// The views of the page. A view is a file exporting a definition, registered in views/index.js;
// each page (or <huike-report> element) creates its own instance of every view.

/** @typedef {import('../app/store.js').State} State */
/** @typedef {import('../client/engine_client.js').EngineClient} EngineClient */
/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').CustomerFilter} CustomerFilter */

/**
 * What the views do for one another; each is filled in by the view that owns it.
 * @typedef {object} Actions
 * @property {(files: File[], label: string) => Promise<void>} analyze   upload view
 * @property {() => void} backToStart                                   upload view
 * @property {() => void} openMapping                                   mapping view
 * @property {(keepScroll?: boolean) => void} renderResults             page: re-renders every view
 * @property {(filter: CustomerFilter, title: string, note: string) => void} openList  customers view
 * @property {(name: string) => void} showView                          page: switches tabs
 */

/**
 * One page's context: its state, its engine, its root (document or a shadow root).
 * @typedef {object} App
 * @property {State} store
 * @property {() => EngineClient} client
 * @property {(id: string) => HTMLElement & HTMLInputElement} $ an element of this page by id
 * @property {Document | ShadowRoot} root
 * @property {HTMLElement} host carries data-state / data-view (body, or the custom element)
 * @property {Actions} actions
 * @property {ViewInstance[]} instances every view of this page
 */

/**
 * @typedef {object} ViewInstance
 * @property {(report: Report) => void} [render] called with every new report
 * @property {(sameFiles: boolean) => void} [reset] called when a file (or the same files again) is analysed
 * @property {() => void} [relabel] called when the language changes
 */

/**
 * @typedef {object} ViewDefinition
 * @property {string} id
 * @property {string} [tab] i18n key of its tab; views with a tab are switched by the tab bar,
 *   shown in the element #view-<id> (created when the page has none)
 * @property {(app: App) => ViewInstance} create
 */

/** @type {ViewDefinition[]} */
const views = [];

/** @param {ViewDefinition} view */
export function registerView(view) {
  if (views.some((v) => v.id === view.id)) throw new Error('view registered twice: ' + view.id);
  views.push(view);
}

/** @returns {readonly ViewDefinition[]} */
export function registeredViews() {
  return views;
}
