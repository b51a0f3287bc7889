// The page: file in → worker → report → dashboard. Every piece of file content (ids,
// headers, preview cells) is rendered with textContent, never as HTML.
'use strict';

(function () {
  const t = HuikeI18n.t;
  const $ = (id) => document.getElementById(id);
  const ROLES = ['customer', 'date', 'amount', 'order_id', 'quantity', 'unit_price', 'status', 'product', 'contact', 'after_sale'];
  const REQUIRED = { customer: true, date: true, amount: true };
  const STATUS_KEYS = ['active', 'at_risk', 'churned', 'sleeping'];
  const PAGE_SIZE = 50;

  const state = {
    client: null,
    files: [],
    label: '',
    ingest: {}, // the user's mapping corrections
    analysis: {}, // the user's settings; absent keys take the engine's defaults
    report: null,
    input: null, // last input summary (from a report or a failed run)
    elapsedMs: 0,
    runId: 0,
    list: null,
    predict: null, // the last predictions, and the options they were made with
    predictOptions: null,
  };

  // ---------- small helpers ----------
  function locale() {
    return HuikeI18n.lang === 'zh-CN' ? 'zh-CN' : 'en-US';
  }
  const fmtInt = (n) => Number(n).toLocaleString(locale());
  const fmtMoney = (x) => Number(x).toLocaleString(locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const fmtNum = (x, d = 1) => Number(x).toLocaleString(locale(), { maximumFractionDigits: d });
  const fmtPct = (x) => (x * 100).toFixed(1) + '%';
  function fmtBytes(n) {
    if (n < 1024) return n + ' B';
    if (n < 1 << 20) return (n / 1024).toFixed(1) + ' KB';
    if (n < 1 << 30) return (n / (1 << 20)).toFixed(1) + ' MB';
    return (n / (1 << 30)).toFixed(2) + ' GB';
  }
  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (k === 'text') node.textContent = v;
        else if (k === 'class') node.className = v;
        else if (k === 'dataset') Object.assign(node.dataset, v);
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v);
      }
    }
    for (const child of children || []) if (child != null) node.append(child);
    return node;
  }
  function show(id, visible) {
    $(id).hidden = !visible;
  }
  function setState(name) {
    document.body.dataset.state = name;
  }
  const segName = (s) => (HuikeI18n.lang === 'zh-CN' ? s.name_zh : s.name_en);
  const segAction = (s) => (HuikeI18n.lang === 'zh-CN' ? s.action_zh : s.action_en);
  function client() {
    if (!state.client) state.client = new HuikeClient(HUIKE_WORKER_SOURCE);
    return state.client;
  }

  // ---------- running an analysis ----------
  async function analyze(files, label) {
    if (files !== state.files) $('pred-calibration').value = ''; // another file: its own period
    state.files = files;
    state.label = label;
    state.list = null;
    state.predict = null;
    state.predictOptions = null;
    state.predictRun = (state.predictRun || 0) + 1; // a prediction still running belongs to the old data
    $('predict-error').textContent = '';
    $('predict-busy').hidden = true;
    $('btn-predict').disabled = false;
    showView('overview');
    const runId = ++state.runId;
    setState('running');
    show('start', false);
    show('error', false);
    show('results', false);
    show('mapping', false);
    show('customers', false);
    show('progress', true);
    $('btn-new').hidden = true;
    $('progress-file').textContent = label;
    updateProgress({ bytes: 0, total: files.reduce((n, f) => n + f.size, 0), rows: 0, elapsedMs: 0 });

    const request = client().send(
      'ANALYZE',
      { sources: files, options: { ingest: state.ingest, analysis: state.analysis } },
      (p) => runId === state.runId && updateProgress(p)
    );
    state.running = request.id;
    try {
      const result = await request.promise;
      if (runId !== state.runId) return;
      state.report = result.report;
      state.input = result.report.input;
      state.elapsedMs = result.elapsedMs;
      Object.assign(document.body.dataset, { engineMs: result.engineMs, workerMs: result.elapsedMs }); // for the benchmark
      show('progress', false);
      renderResults();
      setState('done');
    } catch (error) {
      if (runId !== state.runId) return;
      show('progress', false);
      if (error.code === 'E_CANCELLED') {
        backToStart();
        return;
      }
      showError(error);
    } finally {
      if (runId === state.runId) state.running = null;
    }
  }

  function updateProgress(p) {
    $('progress-title').textContent = p.total && p.bytes >= p.total ? t('computing') : t('reading');
    const pct = p.total ? Math.min(100, (100 * p.bytes) / p.total) : 0;
    $('progress-fill').style.width = pct.toFixed(1) + '%';
    document.querySelector('#progress .bar').setAttribute('aria-valuenow', pct.toFixed(0));
    $('progress-bytes').textContent = fmtBytes(p.bytes) + ' / ' + fmtBytes(p.total);
    $('progress-rows').textContent = fmtInt(p.rows);
    $('progress-elapsed').textContent = (p.elapsedMs / 1000).toFixed(1) + ' s';
    $('progress-speed').textContent = p.elapsedMs > 200 ? (p.bytes / (1 << 20) / (p.elapsedMs / 1000)).toFixed(0) + ' MB/s' : '';
  }

  function cancel() {
    if (state.running) client().cancel(state.running);
  }

  function backToStart() {
    cancel();
    state.runId++;
    state.report = null;
    show('progress', false);
    show('error', false);
    show('results', false);
    show('mapping', false);
    show('start', true);
    $('btn-new').hidden = true;
    setState('idle');
  }

  function showError(error) {
    setState('error');
    if (error.input) state.input = error.input;
    $('error-title').textContent = HuikeI18n.has('err_' + error.code) ? t('err_' + error.code) : t('err_generic');
    $('error-message').textContent = error.message;
    $('error-code').textContent = error.code;
    $('error-line').textContent = error.line ? t('err_line', { line: error.line }) : '';
    $('error-hint').textContent = HuikeI18n.has('hint_' + error.code) ? t('hint_' + error.code) : '';
    const canMap = !!(state.input && state.input.header && state.input.header.length);
    $('btn-error-mapping').hidden = !canMap;
    show('error', true);
    $('btn-new').hidden = false;
    if (canMap && /COLUMN|NO_USABLE_ROWS|NO_ROWS/.test(error.code)) openMapping();
  }

  // ---------- settings: re-run the analyses on the orders in memory ----------
  let settingsTimer = 0;
  function readSettings() {
    const a = {};
    const asOf = $('set-as-of').value;
    if (asOf && state.asOfSet) a.as_of = asOf;
    const mode = $('set-thresholds').value;
    if (mode !== 'mean') a.thresholds = mode;
    if (mode === 'custom') {
      a.custom_thresholds = {
        recency: Number($('set-th-r').value) || 0,
        frequency: Number($('set-th-f').value) || 0,
        monetary: Number($('set-th-m').value) || 0,
      };
    }
    const num = (id, key, fallback) => {
      const v = Number($(id).value);
      if ($(id).value !== '' && v !== fallback) a[key] = v;
    };
    num('set-churn-window', 'churn_window_days', 365);
    num('set-at-risk', 'at_risk_multiplier', 1.5);
    num('set-churned', 'churned_multiplier', 2);
    if ($('set-returns').value !== 'subtract') a.returns = $('set-returns').value;
    return a;
  }
  function settingsChanged() {
    clearTimeout(settingsTimer);
    document.querySelectorAll('.custom-th').forEach((n) => (n.hidden = $('set-thresholds').value !== 'custom'));
    settingsTimer = setTimeout(rerunReport, 250);
  }

  async function rerunReport() {
    const analysis = readSettings();
    const runId = ++state.runId;
    $('settings-busy').hidden = false;
    $('settings-error').textContent = '';
    setState('running');
    try {
      const { report } = await client().request('REPORT', { options: { analysis } });
      if (runId !== state.runId) return;
      state.analysis = analysis;
      state.report = report;
      renderResults(true);
      setState('done');
    } catch (error) {
      if (runId !== state.runId) return;
      $('settings-error').textContent = error.message;
      setState('done');
    } finally {
      if (runId === state.runId) $('settings-busy').hidden = true;
    }
  }

  function fillSettings() {
    const a = state.report.analysis;
    $('set-as-of').value = a.as_of;
    $('set-thresholds').value = a.thresholds;
    $('set-churn-window').value = a.churn_window_days;
    $('set-at-risk').value = a.at_risk_multiplier;
    $('set-churned').value = a.churned_multiplier;
    $('set-returns').value = a.returns;
    const th = state.report.thresholds;
    $('set-th-r').value = +th.recency_days.toFixed(2);
    $('set-th-f').value = +th.frequency.toFixed(2);
    $('set-th-m').value = +th.monetary.toFixed(2);
    document.querySelectorAll('.custom-th').forEach((n) => (n.hidden = a.thresholds !== 'custom'));
  }

  // ---------- column mapping ----------
  function openMapping() {
    const input = state.input;
    if (!input) return;
    show('mapping', true);
    const detected = $('mapping-detected');
    detected.replaceChildren(
      chip(t('in_encoding'), input.encoding + (input.bom ? ' (BOM)' : '')),
      chip(t('in_delimiter'), delimiterLabel(input.delimiter)),
      chip(t('has_header'), input.has_header ? t('yes') : t('no')),
      chip(t('in_date_order'), dateOrderLabel(input.date_order) + (input.date_order_assumed ? ' ' + t('in_assumed') : ''))
    );
    $('map-encoding').value = state.ingest.encoding || 'auto';
    $('map-delimiter').value = state.ingest.delimiter || 'auto';
    $('map-header').value = state.ingest.has_header === undefined ? 'auto' : state.ingest.has_header ? 'yes' : 'no';
    $('map-date-order').value = state.ingest.date_order || 'auto';

    const roles = $('mapping-roles');
    roles.replaceChildren();
    const header = input.header || [];
    const chosen = state.ingest.columns || {};
    for (const role of ROLES) {
      const select = el('select', { id: 'map-role-' + role, dataset: { role } });
      select.append(el('option', { value: '', text: t('role_auto') }), el('option', { value: '-', text: t('role_none') }));
      header.forEach((name, i) => select.append(el('option', { value: String(i), text: (i + 1) + '. ' + name })));
      if (chosen[role] === '') select.value = '-';
      else if (chosen[role] !== undefined) select.value = String(chosen[role]);
      const found = input.columns ? input.columns[role] : null;
      const note = found != null ? t('detected_as') + ': ' + found : t('not_found');
      roles.append(
        el('label', { class: REQUIRED[role] ? 'required' : '' }, [
          el('span', { text: t('role_' + role) + (REQUIRED[role] ? ' *' : '') }),
          select,
          el('small', { class: found != null ? 'muted' : REQUIRED[role] ? 'error-text' : 'muted', text: note }),
        ])
      );
    }
    renderPreview(input);
    $('mapping').scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  function chip(label, value) {
    return el('span', { class: 'chip' }, [el('span', { class: 'muted', text: label + ' ' }), el('b', { text: value })]);
  }
  function delimiterLabel(name) {
    const key = { comma: 'delim_comma', tab: 'delim_tab', semicolon: 'delim_semicolon', pipe: 'delim_pipe', whitespace: 'delim_whitespace' }[name];
    return key ? t(key) : name;
  }
  function dateOrderLabel(order) {
    if (order === 'month_first' || order === 'day_first') return t(order);
    return order === 'unambiguous' ? t('date_unambiguous') : order || '—';
  }

  function renderPreview(input) {
    const table = $('preview');
    table.replaceChildren();
    const header = input.header || [];
    const roleOf = {};
    if (input.column_index) for (const [role, i] of Object.entries(input.column_index)) if (i != null) roleOf[i] = role;
    const width = Math.max(header.length, ...(input.preview || []).map((r) => r.length), 0);
    const head = el('tr');
    for (let i = 0; i < width; i++) {
      const th = el('th', null, [el('div', { text: header[i] || 'column_' + (i + 1) })]);
      if (roleOf[i]) th.append(el('span', { class: 'role-badge', text: t('role_' + roleOf[i]) }));
      head.append(th);
    }
    table.append(el('thead', null, [head]));
    const body = el('tbody');
    const rows = (input.preview || []).slice(0, 8); // the first data rows, as the engine split them
    for (const row of rows) {
      const tr = el('tr');
      for (let i = 0; i < width; i++) tr.append(el('td', { text: row[i] == null ? '' : row[i] }));
      body.append(tr);
    }
    table.append(body);
  }

  function readMapping() {
    const ingest = {};
    const enc = $('map-encoding').value;
    if (enc !== 'auto') ingest.encoding = enc;
    const delim = $('map-delimiter').value;
    if (delim !== 'auto') ingest.delimiter = delim;
    const header = $('map-header').value;
    if (header !== 'auto') ingest.has_header = header === 'yes';
    const order = $('map-date-order').value;
    if (order !== 'auto') ingest.date_order = order;
    const columns = {};
    for (const role of ROLES) {
      const v = $('map-role-' + role) ? $('map-role-' + role).value : '';
      if (v === '-') columns[role] = '';
      else if (v !== '') columns[role] = Number(v);
    }
    if (Object.keys(columns).length) ingest.columns = columns;
    return ingest;
  }

  // ---------- results ----------
  function renderResults(keepScroll) {
    const r = state.report;
    show('results', true);
    show('start', false);
    $('btn-new').hidden = false;
    HuikeI18n.apply($('results'));
    $('result-files').textContent = state.label;
    $('result-meta').textContent = t('meta', {
      first: r.analysis.first_order_date,
      last: r.analysis.last_order_date,
      asof: r.analysis.as_of,
      secs: (state.elapsedMs / 1000).toFixed(2),
    });
    fillSettings();
    renderMetrics(r);
    renderStatus(r);
    renderSegments(r);
    renderGrid(r);
    HuikeCharts.heatmap($('chart-heatmap'), r.charts.rf_heatmap, t, fmtMoney);
    HuikeCharts.histogram($('chart-recency'), r.charts.recency_histogram, t, '#0e7490');
    HuikeCharts.histogram($('chart-cycle'), r.charts.cycle_histogram, t, '#7c3aed');
    const cycle = r.purchase_cycle;
    $('cycle-note').textContent =
      cycle.shop_median_days == null
        ? ''
        : t('cycle_note', { m: fmtNum(cycle.shop_median_days), a: fmtNum(cycle.shop_mean_days), n: fmtInt(cycle.customers_with_cycle) });
    renderInput(r.input);
    renderPredict();
    if (state.list) loadPage();
    if (!keepScroll) window.scrollTo({ top: 0 });
  }

  function renderMetrics(r) {
    const tot = r.totals;
    const values = {
      customers: [tot.customers, fmtInt(tot.customers)],
      orders: [tot.orders, fmtInt(tot.orders)],
      revenue: [tot.revenue, fmtMoney(tot.revenue)],
      repeat_rate: [tot.repeat_rate, fmtPct(tot.repeat_rate)],
      returning_revenue_share: [tot.returning_revenue_share, fmtPct(tot.returning_revenue_share)],
      churn_rate: [tot.churn_rate, fmtPct(tot.churn_rate)],
    };
    for (const node of document.querySelectorAll('[data-metric]')) {
      const [raw, text] = values[node.dataset.metric];
      node.textContent = text;
      node.dataset.value = String(raw); // exact figure, for checks and tooltips
      node.title = String(raw);
    }
    $('sub-customers').textContent = tot.return_only_customers ? t('sub_customers', { n: fmtInt(tot.return_only_customers) }) : '';
    $('sub-orders').textContent = t('sub_orders', { aov: fmtMoney(tot.average_order_value) });
    $('sub-revenue').textContent =
      r.analysis.returns === 'subtract' ? t('sub_revenue', { ret: fmtMoney(tot.returns_value) }) : t('sub_revenue_ignore');
    $('sub-churn').textContent = t('sub_churn', { w: r.analysis.churn_window_days });
  }

  function renderStatus(r) {
    const box = $('status-cards');
    box.replaceChildren();
    const total = r.totals.customers || 1;
    const a = r.analysis;
    const vars = { a: a.at_risk_multiplier, c: a.churned_multiplier, w: a.churn_window_days };
    for (const key of STATUS_KEYS.concat(r.status.unknown ? ['unknown'] : [])) {
      const n = r.status[key] || 0;
      box.append(
        el('button', { type: 'button', class: 'status-card status-' + key, dataset: { status: key }, onclick: () => openList({ status: key }, t('status_' + key), t('status_' + key + '_desc', vars)) }, [
          el('div', { class: 'status-name', text: t('status_' + key) }),
          el('div', { class: 'status-count', text: fmtInt(n) }),
          el('div', { class: 'status-share', text: fmtPct(n / total) }),
          el('div', { class: 'status-desc muted small', text: t('status_' + key + '_desc', vars) }),
        ])
      );
    }
    const median = r.purchase_cycle.shop_median_days;
    $('status-note').textContent = median == null ? '' : t('status_note', { m: fmtNum(median) });
  }

  function renderSegments(r) {
    const list = r.segments.eight;
    HuikeCharts.segments($('chart-seg8'), list, t, segName, (s) => openSegment('segment_eight', s));
    const th = r.thresholds;
    $('seg8-rule').textContent = t('seg8_rule', {
      mode: t('th_' + th.mode),
      r: fmtNum(th.recency_days),
      f: fmtNum(th.frequency, 2),
      m: fmtMoney(th.monetary),
    });
    const table = $('seg8-table');
    table.replaceChildren();
    const cols = ['col_segment', 'col_customers', 'col_share', 'col_revenue', 'col_revenue_share', 'col_avg_r', 'col_avg_f', 'col_avg_m', 'col_action'];
    table.append(el('thead', null, [el('tr', null, cols.map((c, i) => el('th', { class: i && i < 8 ? 'num' : '', text: t(c) })))]));
    const body = el('tbody');
    list.forEach((s, i) => {
      body.append(
        el('tr', { tabindex: '0', dataset: { segment: s.key }, onclick: () => openSegment('segment_eight', s), onkeydown: (e) => e.key === 'Enter' && openSegment('segment_eight', s) }, [
          el('td', { class: 'name' }, [el('span', { class: 'swatch', style: 'background:' + HuikeCharts.SEGMENT_COLORS[i] }), el('span', { text: segName(s) })]),
          el('td', { class: 'num', text: fmtInt(s.customers) }),
          el('td', { class: 'num', text: fmtPct(s.customer_share) }),
          el('td', { class: 'num', text: fmtMoney(s.revenue) }),
          el('td', { class: 'num', text: fmtPct(s.revenue_share) }),
          el('td', { class: 'num', text: fmtNum(s.avg_recency_days) }),
          el('td', { class: 'num', text: fmtNum(s.avg_frequency, 2) }),
          el('td', { class: 'num', text: fmtMoney(s.avg_monetary) }),
          el('td', { class: 'action', text: segAction(s) }),
        ])
      );
    });
    table.append(body);
  }

  function renderGrid(r) {
    const box = $('grid11');
    box.replaceChildren();
    const max = Math.max(1, ...r.segments.grid.map((s) => s.customer_share));
    for (const s of r.segments.grid) {
      const strength = 0.08 + 0.6 * (s.customer_share / max);
      box.append(
        el('button', { type: 'button', class: 'tile tile-' + s.key, dataset: { segment: s.key }, style: '--strength:' + strength.toFixed(3), title: segAction(s), onclick: () => openSegment('segment_grid', s) }, [
          el('div', { class: 'tile-name', text: segName(s) }),
          el('div', { class: 'tile-count', text: fmtInt(s.customers) }),
          el('div', { class: 'tile-share', text: fmtPct(s.customer_share) + ' · ' + t('col_revenue') + ' ' + fmtPct(s.revenue_share) }),
        ])
      );
    }
  }

  function renderInput(input) {
    const box = $('input-summary');
    box.replaceChildren(
      chip(t('in_encoding'), input.encoding + (input.bom ? ' (BOM)' : '')),
      chip(t('in_delimiter'), delimiterLabel(input.delimiter)),
      chip(t('in_rows'), fmtInt(input.rows_read)),
      chip(t('in_used'), fmtInt(input.rows_used)),
      chip(t('in_returns'), fmtInt(input.return_rows)),
      chip(t('in_excluded'), fmtInt(input.rows_excluded)),
      chip(t('in_date_order'), dateOrderLabel(input.date_order) + (input.date_order_assumed ? ' ' + t('in_assumed') : '') + (input.date_orders_mixed ? ' ' + t('in_mixed') : ''))
    );
    if (input.invalid_byte_sequences) box.append(chip(t('in_invalid'), fmtInt(input.invalid_byte_sequences)));
    for (const role of ROLES) {
      if (input.columns && input.columns[role] != null) box.append(chip(t('role_' + role), input.columns[role]));
    }
    const skipped = $('skipped');
    skipped.replaceChildren();
    const reasons = Object.entries(input.excluded || {}).sort((a, b) => b[1].rows - a[1].rows);
    skipped.append(el('h3', { text: reasons.length ? t('skipped_title', { n: fmtInt(input.rows_excluded) }) : t('skipped_none') }));
    if (reasons.length) {
      const ul = el('ul', { class: 'skipped-list' });
      for (const [reason, info] of reasons) {
        const name = HuikeI18n.has('reason_' + reason) ? t('reason_' + reason) : reason;
        ul.append(
          el('li', { dataset: { reason } }, [
            el('b', { text: fmtInt(info.rows) }),
            el('span', { text: ' ' + name }),
            el('span', { class: 'muted small', text: info.example_lines.length ? ' — ' + t('example_lines', { lines: info.example_lines.join(', ') }) : '' }),
          ])
        );
      }
      skipped.append(ul);
    }
  }

  // ---------- prediction view (BG/NBD or MBG/NBD + Gamma-Gamma), on demand ----------
  function showView(name) {
    state.view = name;
    for (const tab of document.querySelectorAll('.tabs .tab')) {
      const on = tab.dataset.view === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.classList.toggle('active', on);
    }
    show('view-overview', name === 'overview');
    show('view-predict', name === 'predict');
    document.body.dataset.view = name;
    requestAnimationFrame(() => HuikeCharts.resizeAll());
  }

  function readPredictOptions() {
    const options = {};
    const calibration = $('pred-calibration').value;
    if (calibration) options.calibration_end = calibration;
    options.unit = $('pred-unit').value;
    const horizon = Number($('pred-horizon').value);
    if ($('pred-horizon').value !== '') {
      if (!(Number.isInteger(horizon) && horizon >= 1 && horizon <= 36525)) throw Object.assign(new Error(t('bad_horizon')), { code: 'E_PREDICT_OPTION' });
      options.horizon_days = horizon;
    }
    const discount = Number($('pred-discount').value);
    if ($('pred-discount').value !== '') {
      if (!(discount >= 0 && discount <= 1000)) throw Object.assign(new Error(t('bad_discount')), { code: 'E_PREDICT_OPTION' });
      options.discount_rate = discount / 100;
    }
    options.model = $('pred-model').value;
    return options;
  }

  // The hints under the controls: what an empty calibration end means, what the model choice does.
  function renderPredictHints() {
    const a = state.report && state.report.analysis;
    if (a) {
      $('pred-calibration').min = a.first_order_date;
      $('pred-calibration').max = a.last_order_date;
    }
    const cal = $('pred-calibration').value;
    $('pred-calibration-hint').textContent = cal
      ? t('calibration_hint_set', { d: cal, last: a ? a.last_order_date : '' })
      : t('calibration_hint_empty', { last: a ? a.last_order_date : '' });
    $('pred-model-hint').textContent = t($('pred-model').value === 'mbgnbd' ? 'model_hint_mbgnbd' : 'model_hint_bgnbd');
    const p = state.predict;
    let stale = false;
    if (p) {
      try {
        stale = JSON.stringify(readPredictOptions()) !== JSON.stringify(state.predictOptions);
      } catch (e) {
        stale = true;
      }
    }
    $('predict-stale').hidden = !stale;
  }

  async function runPredict() {
    $('predict-error').textContent = '';
    let options;
    try {
      options = readPredictOptions();
    } catch (error) {
      $('predict-error').textContent = error.message;
      return;
    }
    const runId = state.runId;
    const predictRun = (state.predictRun = (state.predictRun || 0) + 1);
    $('predict-busy').hidden = false;
    $('btn-predict').disabled = true;
    document.body.dataset.predictState = 'running';
    try {
      const { predict } = await client().request('PREDICT', { predict: options });
      if (runId !== state.runId || predictRun !== state.predictRun) return;
      state.predict = predict;
      state.predictOptions = options;
      renderPredict();
      document.body.dataset.predictState = 'done';
    } catch (error) {
      if (runId !== state.runId || predictRun !== state.predictRun) return;
      const known = HuikeI18n.has('err_' + error.code) ? t('err_' + error.code) + ' — ' : '';
      $('predict-error').textContent = known + error.message + ' (' + error.code + ')';
      document.body.dataset.predictState = 'error';
    } finally {
      if (predictRun === state.predictRun) {
        $('predict-busy').hidden = true;
        $('btn-predict').disabled = false;
      }
    }
  }

  // Time units written out: "week (7 days)".
  const unitName = (unit) => t(unit === 'day' ? 'unit_day' : 'unit_week');
  const unitPlural = (unit) => t(unit === 'day' ? 'unit_days' : 'unit_weeks');
  const modelName = (key) => (key === 'mbgnbd' ? 'MBG/NBD' : 'BG/NBD');
  // Parameters to 3 decimals (as published), small ones to 3 significant digits.
  const fmtParam = (x) => (x == null || !Number.isFinite(Number(x)) ? '—' : Math.abs(x) >= 0.01 || x === 0 ? Number(x).toFixed(3) : Number(x).toPrecision(3));
  const fmtMean = (x) => Number(x).toFixed(3);

  function renderPredict() {
    const p = state.predict;
    show('predict-results', !!p);
    show('predict-empty', !p);
    $('tab-predict-badge').hidden = !p;
    renderPredictHints();
    if (!p) {
      $('predict-note').textContent = '';
      delete document.body.dataset.predictState;
      return;
    }
    const bg = p[p.model];
    const gg = p.gamma_gamma;
    $('tab-predict-badge').textContent = bg.converged ? '✓' : '!';
    $('tab-predict-badge').className = 'tab-badge ' + (bg.converged ? 'ok' : 'bad');
    $('predict-note').textContent = t('predict_run_note', {
      model: modelName(p.model),
      unit: unitName(p.unit),
      d: p.horizon_days,
      rate: fmtNum(p.annual_discount_rate * 100, 2),
      asof: p.predictions_as_of,
    });

    // Shop figures
    const shop = p.shop;
    const formats = {
      expected_alive_customers: fmtInt(Math.round(shop.expected_alive_customers)),
      mean_p_alive: fmtPct(shop.mean_p_alive),
      expected_purchases_next_horizon: fmtInt(Math.round(shop.expected_purchases_next_horizon)),
      expected_revenue_next_horizon: fmtMoney(shop.expected_revenue_next_horizon),
      total_clv: fmtMoney(shop.total_clv),
      customers_p_alive_below_0_5: fmtInt(shop.customers_p_alive_below_0_5),
    };
    for (const node of document.querySelectorAll('[data-predict]')) {
      node.textContent = formats[node.dataset.predict];
      node.dataset.value = String(shop[node.dataset.predict]);
      node.title = String(shop[node.dataset.predict]);
    }
    $('label-expected-purchases').textContent = t('p_expected_purchases', { d: p.horizon_days });
    $('label-expected-revenue').textContent = t('p_expected_revenue', { d: p.horizon_days });
    $('sub-p-fitted').textContent = t(p.customers.first_purchase_after_calibration_end ? 'p_fitted_later_sub' : 'p_fitted_sub', { n: fmtInt(p.customers.fitted), later: fmtInt(p.customers.first_purchase_after_calibration_end) });
    $('sub-p-no-purchase').textContent = t('p_no_purchase_sub', { p: fmtPct(shop.mean_p_no_purchase_next_horizon) });
    $('sub-p-clv').textContent = t('p_mean_clv_sub', { v: fmtMoney(shop.mean_clv) });
    $('sub-p-below').textContent = fmtPct(shop.customers_p_alive_below_0_5 / Math.max(1, shop.customers)) + ' · ' + t('p_below_half_sub');

    renderParams(p, bg, gg);
    // A fit that did not converge is never shown as if it had.
    const problems = [];
    if (!bg.converged) problems.push(t('warn_bg_not_converged', { model: modelName(p.model), msg: bg.message }));
    if (gg.fitted && !gg.converged) problems.push(t('warn_gg_not_converged', { msg: gg.message }));
    $('predict-warning').hidden = !problems.length;
    $('predict-warning').textContent = problems.join(' ');

    HuikeCharts.pAliveHistogram($('chart-palive'), p.p_alive_histogram, t, fmtInt);
    const m = p.p_alive_matrix;
    $('matrix-caption').textContent = t('matrix_caption', { age: fmtNum(m.age, 1), unit: unitPlural(m.unit) });
    HuikeCharts.pAliveMatrix($('chart-matrix'), m, t, unitPlural(m.unit));

    renderHoldout(p.holdout);

    predictTable($('pred-top'), p.top_customers.slice(0, 10), 'top');
    const churn = p.likely_to_churn.customers;
    $('churn-note').textContent = t('churn_note', { n: fmtInt(shop.customers_p_alive_below_0_5), shown: Math.min(10, churn.length) });
    predictTable($('pred-churn'), churn.slice(0, 10), 'churn');
    $('btn-export-churn').disabled = !shop.customers_p_alive_below_0_5;
    $('churn-export-error').textContent = '';
  }

  function paramRow(name, symbol, value, se, key) {
    return el('tr', null, [
      el('td', null, [el('b', { class: 'sym', text: symbol }), el('span', { class: 'muted', text: ' ' + name })]),
      el('td', { class: 'num', text: fmtParam(value), dataset: { param: key, value: String(value) } }),
      el('td', { class: 'num muted', text: se == null ? '—' : '± ' + fmtParam(se) }),
    ]);
  }

  function paramTable(rows) {
    return el('table', { class: 'table params-table' }, [
      el('thead', null, [el('tr', null, [el('th', { text: t('param') }), el('th', { class: 'num', text: t('estimate') }), el('th', { class: 'num', text: t('std_error') })])]),
      el('tbody', null, rows),
    ]);
  }

  function statusLine(ok, text) {
    return el('div', { class: 'fit-status ' + (ok ? 'ok' : 'bad'), role: ok ? null : 'alert' }, [el('span', { class: 'dot' }), el('span', { text })]);
  }

  function renderParams(p, bg, gg) {
    const unit = p.unit;
    $('params-unit').textContent = t('params_unit', { unit: unitName(unit), n: p.unit_days });
    const se = bg.standard_errors || {};
    const u = unitPlural(unit);
    const bgBox = $('params-bg');
    bgBox.replaceChildren(
      el('h3', { text: t('params_bg', { model: modelName(p.model) }) }),
      statusLine(bg.converged, bg.converged ? t('fit_converged', { n: bg.iterations }) : t('fit_not_converged', { msg: bg.message })),
      paramTable([
        paramRow(t('param_r'), 'r', bg.r, se.r, 'r'),
        paramRow(t('param_alpha', { unit: u }), 'α', bg.alpha, se.alpha, 'alpha'),
        paramRow(t('param_a'), 'a', bg.a, se.a, 'a'),
        paramRow(t('param_b'), 'b', bg.b, se.b, 'b'),
      ]),
      el('div', { class: 'fit-facts muted small' }, [
        el('span', { text: t('log_likelihood') + ' ' }),
        el('b', { text: bg.log_likelihood == null ? '—' : fmtNum(bg.log_likelihood, 2), dataset: { param: 'bg_ll', value: String(bg.log_likelihood) } }),
        el('span', { text: ' · ' + t('fit_customers', { n: fmtInt(bg.customers), g: fmtInt(bg.groups) }) }),
      ]),
      bg.converged ? el('p', { class: 'muted small param-explain', text: t('bg_explain', { unit: unitName(unit), a: fmtNum(bg.a / (bg.a + bg.b) * 100, 1), rate: fmtNum(bg.r / bg.alpha, 3) }) }) : null
    );

    const ggBox = $('params-gg');
    const gse = gg.standard_errors || {};
    const children = [el('h3', { text: t('params_gg') })];
    if (!gg.fitted) {
      children.push(statusLine(false, t('gg_not_fitted', { msg: gg.message, v: gg.population_mean_aov == null ? '—' : fmtMoney(gg.population_mean_aov) })));
    } else {
      children.push(
        statusLine(gg.converged, gg.converged ? t('fit_converged', { n: gg.iterations }) : t('fit_not_converged', { msg: gg.message })),
        paramTable([
          paramRow(t('param_p'), 'p', gg.p, gse.p, 'p'),
          paramRow(t('param_q'), 'q', gg.q, gse.q, 'q'),
          paramRow(t('param_gamma'), 'γ', gg.gamma, gse.gamma, 'gamma'),
        ]),
        el('div', { class: 'fit-facts muted small' }, [
          el('span', { text: t('log_likelihood') + ' ' }),
          el('b', { text: gg.log_likelihood == null ? '—' : fmtNum(gg.log_likelihood, 2) }),
          el('span', { text: ' · ' + t('gg_customers', { n: fmtInt(gg.customers) }) }),
        ]),
        el('p', { class: 'muted small param-explain', text: t('gg_explain', { v: gg.population_mean_aov == null ? '—' : fmtMoney(gg.population_mean_aov) }) })
      );
    }
    if (gg.spend_frequency_correlation != null) {
      const corr = el('div', { class: 'fit-facts muted small' }, [el('span', { text: t('gg_correlation', { r: gg.spend_frequency_correlation.toFixed(3) }) })]);
      children.push(corr);
    }
    if (gg.warning) children.push(el('div', { class: 'notice warn', role: 'alert', dataset: { warning: 'gamma_gamma' } }, [el('b', { text: t('gg_warning_title') + ' ' }), el('span', { text: t('gg_warning', { r: gg.spend_frequency_correlation == null ? '?' : gg.spend_frequency_correlation.toFixed(2) }) }), el('span', { class: 'muted small', text: ' (' + gg.warning + ')' })]));
    ggBox.replaceChildren(...children);

    $('clv-note').textContent = t('clv_note', {
      d: p.horizon_days,
      units: fmtNum(p.horizon_units, 1),
      unit: unitPlural(unit),
      rate: fmtNum(p.annual_discount_rate * 100, 2),
      asof: p.predictions_as_of,
    });
  }

  function renderHoldout(h) {
    show('holdout-body', h.available);
    $('holdout-card').classList.toggle('muted-card', !h.available);
    if (!h.available) {
      $('holdout-period').textContent = '';
      $('holdout-note').textContent = t('holdout_none');
      $('holdout-note').className = 'holdout-note muted';
      return;
    }
    const unitsWord = unitPlural(h.unit);
    $('holdout-period').textContent = t('holdout_period', {
      start: h.tracking_weekly_cumulative.start_date,
      cal: h.calibration_end,
      end: h.holdout_end,
      days: fmtInt(h.length_days),
      units: fmtNum(h.length_units, 1),
      unit: unitsWord,
    });
    const diff = h.actual_transactions ? (h.predicted_transactions - h.actual_transactions) / h.actual_transactions : 0;
    $('holdout-note').className = 'holdout-note';
    $('holdout-note').textContent = t('holdout_note', {
      days: fmtInt(h.length_days),
      p: fmtInt(Math.round(h.predicted_transactions)),
      a: fmtInt(h.actual_transactions),
      diff: (diff >= 0 ? '+' : '') + (diff * 100).toFixed(1) + '%',
      n: fmtInt(h.customers),
    });
    const groups = h.by_calibration_frequency;
    $('holdout-freq-title').textContent = t('holdout_freq_title', { days: fmtInt(h.length_days) });
    HuikeCharts.bars(
      $('chart-holdout'),
      groups.map((g) => g.calibration_repeat_transactions),
      [
        { name: t('actual'), data: groups.map((g) => +g.actual_mean.toFixed(3)), color: '#1d4ed8' },
        { name: t('predicted'), data: groups.map((g) => +g.predicted_mean.toFixed(3)), color: '#f59e0b' },
      ],
      t('calibration_freq'),
      t('mean_purchases')
    );
    HuikeCharts.tracking($('chart-tracking'), h.tracking_weekly_cumulative, t);
    const table = $('holdout-table');
    table.replaceChildren(
      el('thead', null, [el('tr', null, [
        el('th', { text: t('calibration_freq') }),
        el('th', { class: 'num', text: t('col_customers') }),
        el('th', { class: 'num', text: t('ho_actual_mean') }),
        el('th', { class: 'num', text: t('ho_predicted_mean') }),
        el('th', { class: 'num', text: t('ho_difference') }),
      ])]),
      el('tbody', null, groups.map((g) => el('tr', { dataset: { group: g.calibration_repeat_transactions } }, [
        el('td', { text: g.calibration_repeat_transactions }),
        el('td', { class: 'num', text: fmtInt(g.customers) }),
        el('td', { class: 'num', text: fmtMean(g.actual_mean) }),
        el('td', { class: 'num', text: fmtMean(g.predicted_mean) }),
        el('td', { class: 'num muted', text: (g.predicted_mean - g.actual_mean >= 0 ? '+' : '') + fmtMean(g.predicted_mean - g.actual_mean) }),
      ]))),
      el('tfoot', null, [el('tr', null, [
        el('td', { text: t('total') }),
        el('td', { class: 'num', text: fmtInt(h.customers) }),
        el('td', { class: 'num', text: fmtMean(h.actual_transactions / Math.max(1, h.customers)) }),
        el('td', { class: 'num', text: fmtMean(h.predicted_transactions / Math.max(1, h.customers)) }),
        el('td', { class: 'num muted', text: ((h.predicted_transactions - h.actual_transactions) / Math.max(1, h.customers) >= 0 ? '+' : '') +
          fmtMean((h.predicted_transactions - h.actual_transactions) / Math.max(1, h.customers)) + ' (' + (diff >= 0 ? '+' : '') + (diff * 100).toFixed(1) + '%)' }),
      ])])
    );
  }

  // kind 'top': ranked by CLV; 'churn': past value first, low P(alive).
  function predictTable(table, rows, kind) {
    const cols =
      kind === 'top'
        ? [['c_customer_id', ''], ['pc_p_alive', 'num'], ['pc_expected_purchases', 'num'], ['pc_expected_aov', 'num'], ['pc_clv', 'num'], ['c_last_purchase', 'num']]
        : [['c_customer_id', ''], ['pc_past_value', 'num'], ['pc_repeat', 'num'], ['pc_p_alive', 'num'], ['pc_clv', 'num'], ['c_last_purchase', 'num']];
    const cell = (c, key) => {
      switch (key) {
        case 'c_customer_id':
          return el('td', { class: 'id', text: c.customer }); // file content: text only
        case 'pc_p_alive':
          return el('td', { class: 'num' }, [el('span', { class: 'palive-bar', style: '--p:' + (c.p_alive == null ? 0 : c.p_alive).toFixed(3) }), el('span', { text: c.p_alive == null ? '—' : fmtPct(c.p_alive) })]);
        case 'pc_expected_purchases':
          return el('td', { class: 'num', text: c.expected_purchases == null ? '—' : fmtNum(c.expected_purchases, 2) });
        case 'pc_expected_aov':
          return el('td', { class: 'num', text: c.expected_aov == null ? '—' : fmtMoney(c.expected_aov) });
        case 'pc_clv':
          return el('td', { class: 'num', text: c.clv == null ? '—' : fmtMoney(c.clv) });
        case 'pc_past_value':
          return el('td', { class: 'num', text: fmtMoney(c.calibration_value) });
        case 'pc_repeat':
          return el('td', { class: 'num', text: fmtInt(c.repeat_transactions) });
        default:
          return el('td', { class: 'num', text: c.last_purchase });
      }
    };
    table.replaceChildren(
      el('thead', null, [el('tr', null, cols.map(([key, cls]) => el('th', { class: cls, text: t(key) })))]),
      el('tbody', null, rows.length
        ? rows.map((c) => el('tr', null, cols.map(([key]) => cell(c, key))))
        : [el('tr', null, [el('td', { colspan: String(cols.length), class: 'muted', text: t(kind === 'top' ? 'no_customers' : 'no_churn_customers') })])])
    );
  }

  // Blob + a[download] on the user's click: the page never navigates or uploads.
  function download(bytes, name) {
    const blob = new Blob([bytes], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // Every customer with P(alive) < 0.5 under the models last run, with the prediction columns.
  async function exportChurn() {
    if (!state.predict) return;
    const button = $('btn-export-churn');
    button.disabled = true;
    $('churn-export-error').textContent = '';
    try {
      const { bytes } = await client().request('CUSTOMERS_CSV', {
        options: { analysis: state.analysis },
        filter: { p_alive_below: 0.5 },
        predict: state.predictOptions,
      });
      download(bytes, 'huike_likely_to_churn_' + state.predict.predictions_as_of + '.csv');
    } catch (error) {
      $('churn-export-error').textContent = error.message;
    } finally {
      button.disabled = false;
    }
  }

  // ---------- customer lists ----------
  function openSegment(kind, s) {
    openList({ [kind]: s.key }, segName(s), segAction(s));
  }

  function openList(filter, title, note) {
    state.list = { filter, title, note, sort: 'monetary', descending: true, offset: 0, total: 0 };
    show('customers', true);
    loadPage().then(() => $('customers').scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }

  const LIST_COLUMNS = [
    ['customer_id', false],
    ['recency_days', true],
    ['frequency', true],
    ['monetary', true],
    ['average_order_value', true],
    ['rfm', false],
    ['segment_eight', false],
    ['segment_grid', false],
    ['status', false],
    ['last_purchase', true],
  ];

  async function loadPage() {
    const list = state.list;
    const listRun = (list.run = (list.run || 0) + 1);
    let page;
    try {
      page = await client().request('CUSTOMERS_PAGE', {
        options: { analysis: state.analysis },
        query: { filter: list.filter, sort: list.sort, descending: list.descending, offset: list.offset, limit: PAGE_SIZE },
      });
    } catch (error) {
      $('customers-action').textContent = error.message;
      return;
    }
    if (state.list !== list || list.run !== listRun) return;
    list.total = page.total;
    renderPage(page);
  }

  function renderPage(page) {
    const list = state.list;
    const r = state.report;
    const byKey = (arr) => Object.fromEntries(arr.map((s) => [s.key, s]));
    const eight = byKey(r.segments.eight);
    const grid = byKey(r.segments.grid);
    $('customers-title').textContent = t('customers_of', { name: list.title, n: fmtInt(page.total) });
    $('customers-action').textContent = list.note || '';
    const table = $('customers-table');
    table.replaceChildren();
    const head = el('tr');
    for (const [key, numeric] of LIST_COLUMNS) {
      const sortable = key !== 'rfm' && !key.startsWith('segment') && key !== 'status';
      const th = el('th', { class: (numeric ? 'num ' : '') + (sortable ? 'sortable' : ''), text: t('c_' + key) });
      if (sortable) {
        th.tabIndex = 0;
        th.dataset.sort = key;
        if (list.sort === key) th.append(el('span', { class: 'sort-mark', text: list.descending ? ' ▼' : ' ▲' }));
        const sort = () => {
          list.descending = list.sort === key ? !list.descending : key !== 'customer_id';
          list.sort = key;
          list.offset = 0;
          loadPage();
        };
        th.addEventListener('click', sort);
        th.addEventListener('keydown', (e) => e.key === 'Enter' && sort());
      }
      head.append(th);
    }
    table.append(el('thead', null, [head]));
    const body = el('tbody');
    for (const c of page.rows) {
      body.append(
        el('tr', null, [
          el('td', { class: 'id', text: c.customer_id }), // file content: text only
          el('td', { class: 'num', text: fmtInt(c.recency_days) }),
          el('td', { class: 'num', text: fmtInt(c.frequency) }),
          el('td', { class: 'num', text: fmtMoney(c.monetary) }),
          el('td', { class: 'num', text: fmtMoney(c.average_order_value) }),
          el('td', { class: 'num', text: c.r_score + '/' + c.f_score + '/' + c.m_score }),
          el('td', { text: eight[c.segment_eight] ? segName(eight[c.segment_eight]) : c.segment_eight }),
          el('td', { text: grid[c.segment_grid] ? segName(grid[c.segment_grid]) : c.segment_grid }),
          el('td', { text: t('status_' + c.status) + (c.sleeping && c.status !== 'sleeping' ? ' · ' + t('status_sleeping') : '') }),
          el('td', { class: 'num', text: c.last_purchase }),
        ])
      );
    }
    if (!page.rows.length) body.append(el('tr', null, [el('td', { colspan: String(LIST_COLUMNS.length), class: 'muted', text: t('no_customers') })]));
    table.append(body);
    const from = page.total ? list.offset + 1 : 0;
    $('pager-info').textContent = t('pager', { from: fmtInt(from), to: fmtInt(list.offset + page.rows.length), total: fmtInt(page.total) });
    $('btn-prev').disabled = list.offset === 0;
    $('btn-next').disabled = list.offset + PAGE_SIZE >= page.total;
  }

  async function exportCsv() {
    const list = state.list;
    if (!list) return;
    const button = $('btn-export');
    button.disabled = true;
    try {
      // With predictions run, the CSV carries p_alive, expected_purchases, expected_aov and clv.
      const { bytes } = await client().request('CUSTOMERS_CSV', { options: { analysis: state.analysis }, filter: list.filter, predict: state.predict ? state.predictOptions : null });
      const key = Object.values(list.filter)[0] || 'customers';
      download(bytes, 'huike_' + key + '_' + state.report.analysis.as_of + '.csv');
    } catch (error) {
      $('customers-action').textContent = error.message;
    } finally {
      button.disabled = false;
    }
  }

  // ---------- wiring ----------
  function filesChosen(fileList) {
    const files = [...fileList].filter((f) => f.size >= 0);
    if (!files.length) return;
    state.ingest = {};
    state.analysis = {};
    state.asOfSet = false;
    analyze(files, files.length === 1 ? files[0].name : t('files_n', { n: files.length }) + ': ' + files.map((f) => f.name).join(', '));
  }

  function setLanguage(lang) {
    HuikeI18n.lang = lang;
    $('lang').value = HuikeI18n.lang;
    HuikeI18n.apply();
    document.title = HuikeI18n.lang === 'zh-CN' ? '回客 Huike · 客户留存分析' : 'Huike · customer retention analytics';
    if (state.report && !$('results').hidden) renderResults(true);
    if (!$('mapping').hidden) openMapping();
  }

  function init() {
    let saved = null;
    try {
      saved = localStorage.getItem('huike.lang');
    } catch (e) {
      /* file:// may refuse storage */
    }
    setLanguage(saved || navigator.language || 'zh-CN');
    $('lang').addEventListener('change', (e) => {
      try {
        localStorage.setItem('huike.lang', e.target.value);
      } catch (err) {
        /* ignore */
      }
      setLanguage(e.target.value);
    });

    const input = $('file-input');
    input.addEventListener('change', () => {
      filesChosen(input.files);
      input.value = '';
    });
    const zone = $('dropzone');
    zone.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && input.click());
    for (const type of ['dragenter', 'dragover']) {
      document.addEventListener(type, (e) => {
        e.preventDefault();
        zone.classList.add('drag');
      });
    }
    document.addEventListener('dragleave', (e) => {
      if (!e.relatedTarget) zone.classList.remove('drag');
    });
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('drag');
      if (document.body.dataset.state === 'running') return;
      if (e.dataTransfer && e.dataTransfer.files.length) filesChosen(e.dataTransfer.files);
    });
    $('btn-demo').addEventListener('click', () => {
      state.ingest = {};
      state.analysis = {};
      state.asOfSet = false;
      analyze([new File([HUIKE_DEMO_CSV], 'demo_orders.csv', { type: 'text/csv' })], t('demo_name'));
    });
    $('btn-cancel').addEventListener('click', cancel);
    $('btn-new').addEventListener('click', backToStart);
    $('btn-error-new').addEventListener('click', backToStart);
    $('btn-error-mapping').addEventListener('click', openMapping);
    $('btn-show-mapping').addEventListener('click', () => ($('mapping').hidden ? openMapping() : show('mapping', false)));
    $('btn-mapping-close').addEventListener('click', () => show('mapping', false));
    $('btn-rerun').addEventListener('click', () => {
      state.ingest = readMapping();
      analyze(state.files, state.label);
    });
    $('btn-mapping-reset').addEventListener('click', () => {
      state.ingest = {};
      analyze(state.files, state.label);
    });
    $('btn-settings').addEventListener('click', () => show('settings', $('settings').hidden));
    // Until the user picks a date, the engine's default (the day after the latest order) holds.
    $('set-as-of').addEventListener('input', () => (state.asOfSet = true));
    for (const id of ['set-as-of', 'set-thresholds', 'set-th-r', 'set-th-f', 'set-th-m', 'set-churn-window', 'set-at-risk', 'set-churned', 'set-returns']) {
      $(id).addEventListener('change', settingsChanged);
    }
    $('btn-settings-reset').addEventListener('click', () => {
      state.analysis = {};
      state.asOfSet = false;
      $('set-as-of').value = '';
      $('set-thresholds').value = 'mean';
      $('set-churn-window').value = 365;
      $('set-at-risk').value = 1.5;
      $('set-churned').value = 2;
      $('set-returns').value = 'subtract';
      settingsChanged();
    });
    $('btn-customers-close').addEventListener('click', () => {
      state.list = null;
      show('customers', false);
    });
    $('btn-prev').addEventListener('click', () => {
      state.list.offset = Math.max(0, state.list.offset - PAGE_SIZE);
      loadPage();
    });
    $('btn-next').addEventListener('click', () => {
      state.list.offset += PAGE_SIZE;
      loadPage();
    });
    $('btn-export').addEventListener('click', exportCsv);
    $('btn-predict').addEventListener('click', runPredict);
    $('btn-export-churn').addEventListener('click', exportChurn);
    for (const id of ['pred-calibration', 'pred-unit', 'pred-horizon', 'pred-discount', 'pred-model']) {
      $(id).addEventListener('input', renderPredictHints);
      $(id).addEventListener('change', renderPredictHints);
    }
    for (const tab of document.querySelectorAll('.tabs .tab')) tab.addEventListener('click', () => showView(tab.dataset.view));
    document.querySelector('.tabs').addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      const next = state.view === 'predict' ? 'overview' : 'predict';
      showView(next);
      $('tab-' + next).focus();
    });
    // Start compiling the engine while the user picks a file; data-engine tells tests and the benchmark.
    client()
      .request('MEMORY')
      .then(() => (document.body.dataset.engine = 'ready'), (e) => (document.body.dataset.engine = 'failed: ' + e.code));
  }

  init();
})();
