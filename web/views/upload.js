// Start, progress and error: a file in, the worker reading it, the report or a clear error.
import { t } from '../i18n/index.js';
import { explain } from '../app/errors.js';
import { fmtBytes, fmtInt } from '../app/format.js';
import { RequestType } from '../protocol/requests.js';
import { ErrorCode } from '../protocol/error_codes.js';

/** @typedef {import('./registry.js').App} App */
/** @typedef {import('../types/huike-embed').HuikeError} HuikeError */
/** @typedef {import('../types/huike-embed').Progress} Progress */

/** @type {import('./registry.js').ViewDefinition} */
export const uploadView = {
  id: 'upload',
  create(app) {
    const { $, store, actions } = app;
    const show = (/** @type {string} */ id, /** @type {boolean} */ visible) => ($(id).hidden = !visible);
    const setState = (/** @type {string} */ name) => (app.host.dataset.state = name);

    /** @param {Progress} p */
    function updateProgress(p) {
      $('progress-title').textContent = p.total && p.bytes >= p.total ? t('computing') : t('reading');
      const pct = p.total ? Math.min(100, (100 * p.bytes) / p.total) : 0;
      $('progress-fill').style.width = pct.toFixed(1) + '%';
      $('progress-bar').setAttribute('aria-valuenow', pct.toFixed(0));
      $('progress-bytes').textContent = fmtBytes(p.bytes) + ' / ' + fmtBytes(p.total);
      $('progress-rows').textContent = fmtInt(p.rows);
      $('progress-elapsed').textContent = (p.elapsedMs / 1000).toFixed(1) + ' s';
      $('progress-speed').textContent = p.elapsedMs > 200 ? (p.bytes / (1 << 20) / (p.elapsedMs / 1000)).toFixed(0) + ' MB/s' : '';
      app.host.dispatchEvent(new CustomEvent('huike-progress', { detail: p }));
    }

    function cancel() {
      if (store.running) app.client().cancel(store.running);
    }

    function backToStart() {
      cancel();
      store.runId++;
      store.report = null;
      for (const id of ['progress', 'error', 'results', 'mapping']) show(id, false);
      show('start', true);
      $('btn-new').hidden = true;
      setState('idle');
    }

    /** @param {HuikeError} error */
    function showError(error) {
      setState('error');
      if (error.input) store.input = error.input;
      const shown = explain(error);
      $('error-title').textContent = shown.title;
      $('error-message').textContent = shown.details;
      $('error-code').textContent = error.code;
      $('error-line').textContent = shown.line;
      $('error-hint').textContent = shown.body;
      const canMap = !!(store.input && store.input.header && store.input.header.length);
      $('btn-error-mapping').hidden = !canMap;
      show('error', true);
      $('btn-new').hidden = false;
      app.host.dispatchEvent(new CustomEvent('huike-error', { detail: { code: error.code, message: error.message, line: error.line } }));
      if (canMap && /COLUMN|NO_USABLE_ROWS|NO_ROWS/.test(error.code)) actions.openMapping();
    }

    /** @param {File[]} files @param {string} label */
    async function analyze(files, label) {
      const sameFiles = files === store.files;
      store.files = files;
      store.label = label;
      store.list = null;
      store.predict = null;
      store.predictOptions = null;
      store.predictRun++; // a prediction still running belongs to the old data
      for (const view of app.instances) if (view.reset) view.reset(sameFiles);
      actions.showView('overview');
      const runId = ++store.runId;
      setState('running');
      for (const id of ['start', 'error', 'results', 'mapping', 'customers']) show(id, false);
      show('progress', true);
      $('btn-new').hidden = true;
      $('progress-file').textContent = label;
      updateProgress({ bytes: 0, total: files.reduce((n, f) => n + f.size, 0), rows: 0, elapsedMs: 0 });

      // data-engines="1" | "2" on the page's host element: never split / split from the first
      // byte (a portal's choice, or a test's); absent, the worker decides from the file.
      const engines = app.host.dataset.engines === '2' ? 2 : app.host.dataset.engines === '1' ? 1 : undefined;
      const request = app.client().send(
        RequestType.ANALYZE,
        { sources: files, options: { ingest: store.ingest, analysis: store.analysis }, engines },
        (p) => runId === store.runId && updateProgress(p)
      );
      store.running = request.id;
      try {
        const result = await request.promise;
        if (runId !== store.runId) return;
        store.report = result.report;
        store.input = result.report.input;
        store.elapsedMs = result.elapsedMs;
        store.engines = result.engines;
        Object.assign(app.host.dataset, { engineMs: result.engineMs, workerMs: result.elapsedMs }); // for the benchmark
        show('progress', false);
        actions.renderResults();
        setState('done');
        app.host.dispatchEvent(new CustomEvent('huike-done', { detail: { report: result.report } }));
        startQueued();
      } catch (e) {
        const error = /** @type {HuikeError} */ (e);
        if (runId !== store.runId) return;
        show('progress', false);
        if (startQueued()) return;
        if (error.code === ErrorCode.E_CANCELLED) {
          backToStart();
          return;
        }
        showError(error);
      } finally {
        if (store.running === request.id) store.running = null;
      }
    }

    // A file dropped while one is read replaces it: the run is cancelled and the new file
    // starts when the worker has confirmed (a drop in between was once lost).
    function startQueued() {
      const files = store.queued;
      store.queued = null;
      if (!files) return false;
      store.running = null;
      filesChosen(files);
      return true;
    }

    /** @param {FileList | File[]} fileList */
    function filesChosen(fileList) {
      const files = [...fileList];
      if (!files.length) return;
      if (store.running) {
        store.queued = files;
        cancel();
        return;
      }
      store.ingest = {};
      store.analysis = {};
      store.asOfSet = false;
      analyze(files, files.length === 1 ? files[0].name : t('files_n', { n: files.length }) + ': ' + files.map((f) => f.name).join(', '));
    }

    const input = $('file-input');
    input.addEventListener('change', () => {
      if (input.files) filesChosen(input.files);
      input.value = '';
    });
    $('btn-pick').addEventListener('click', () => input.click());
    const zone = $('dropzone');
    zone.addEventListener('keydown', (e) => e.target === zone && (e.key === 'Enter' || e.key === ' ') && input.click());
    for (const type of ['dragenter', 'dragover']) {
      zone.ownerDocument.addEventListener(type, (e) => {
        e.preventDefault();
        zone.classList.add('drag');
      });
    }
    zone.ownerDocument.addEventListener('dragleave', (e) => {
      if (!e.relatedTarget) zone.classList.remove('drag');
    });
    zone.ownerDocument.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('drag');
      if (app.host.dataset.state !== 'running' && $('start').hidden) return; // results on screen: use "New analysis"
      if (e.dataTransfer && e.dataTransfer.files.length) filesChosen(e.dataTransfer.files);
    });
    $('btn-cancel').addEventListener('click', cancel);
    $('btn-new').addEventListener('click', backToStart);
    $('btn-error-new').addEventListener('click', backToStart);

    actions.analyze = analyze;
    actions.backToStart = backToStart;
    return {};
  },
};
