// Column mapping: what was detected (encoding, delimiter, header, date order, a role per
// column) with the first rows, and the user's corrections, re-read from the same files.
import { t } from '../i18n/index.js';
import { el, chip } from '../app/dom.js';

/** @typedef {import('../types/huike-embed').InputSummary} InputSummary */
/** @typedef {import('../types/huike-embed').IngestOptions} IngestOptions */
/** @typedef {import('../types/huike-embed').Role} Role */

/** @type {Role[]} */
export const ROLES = ['customer', 'date', 'amount', 'order_id', 'quantity', 'unit_price', 'status', 'product', 'contact', 'after_sale', 'promotion'];
/** @type {Partial<Record<Role, boolean>>} */
const REQUIRED = { customer: true, date: true, amount: true };

/** @param {string} name */
export function delimiterLabel(name) {
  /** @type {Record<string, string>} */
  const keys = { comma: 'delim_comma', tab: 'delim_tab', semicolon: 'delim_semicolon', pipe: 'delim_pipe', whitespace: 'delim_whitespace' };
  return keys[name] ? t(keys[name]) : name;
}

/** @param {string} order */
export function dateOrderLabel(order) {
  if (order === 'month_first' || order === 'day_first') return t(order);
  return order === 'unambiguous' ? t('date_unambiguous') : order || '—';
}

/** @type {import('./registry.js').ViewDefinition} */
export const mappingView = {
  id: 'mapping',
  create(app) {
    const { $, store, actions } = app;

    function open() {
      const input = store.input;
      if (!input) return;
      $('mapping').hidden = false;
      $('mapping-detected').replaceChildren(
        chip(t('in_encoding'), input.encoding + (input.bom ? ' (BOM)' : '')),
        chip(t('in_delimiter'), delimiterLabel(input.delimiter)),
        chip(t('has_header'), input.has_header ? t('yes') : t('no')),
        chip(t('in_date_order'), dateOrderLabel(input.date_order) + (input.date_order_assumed ? ' ' + t('in_assumed') : ''))
      );
      $('map-encoding').value = store.ingest.encoding || 'auto';
      $('map-delimiter').value = store.ingest.delimiter || 'auto';
      $('map-header').value = store.ingest.has_header === undefined ? 'auto' : store.ingest.has_header ? 'yes' : 'no';
      $('map-date-order').value = store.ingest.date_order || 'auto';

      const roles = $('mapping-roles');
      roles.replaceChildren();
      const header = input.header || [];
      const chosen = store.ingest.columns || {};
      for (const role of ROLES) {
        const select = el('select', { id: 'map-role-' + role, dataset: { role } });
        select.append(el('option', { value: '', text: t('role_auto') }), el('option', { value: '-', text: t('role_none') }));
        header.forEach((name, i) => select.append(el('option', { value: String(i), text: i + 1 + '. ' + name })));
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
      renderIdentity(input);
      renderPreview(input);
      $('mapping').scrollIntoView({ behavior: 'smooth', block: 'start' });
    }

    /** The identity choice (only the columns the file has) and how this run identified customers. @param {InputSummary} input */
    function renderIdentity(input) {
      let box = document.getElementById('mapping-identity');
      if (!box) {
        box = el('div', { id: 'mapping-identity', class: 'mapping-identity' });
        $('mapping-detected').after(box);
      }
      const id = input.customer_identity;
      const select = el('select', { id: 'map-identity' });
      select.append(el('option', { value: 'auto', text: t('ident_auto') }));
      for (const choice of (id && id.choices) || []) {
        select.append(el('option', { value: choice.identity, text: t('ident_' + choice.identity) + ' — ' + choice.column }));
      }
      select.value = store.ingest.identity || 'auto';
      const lines = [];
      if (id) {
        const mode = t(id.mode === 'auto' ? 'ident_auto' : 'ident_' + id.mode);
        lines.push(t('ident_used', { mode, customer: id.identity_column || id.customer_column || t('ident_none') }));
        if (id.placeholder_values.length && id.customer_column) {
          lines.push(t('ident_placeholder', { column: id.customer_column, values: id.placeholder_values.join(', '),
            email: id.rows_by_email, phone: id.rows_by_phone }));
        }
        lines.push(t('ident_rows', { id: id.rows_by_customer_column, email: id.rows_by_email, phone: id.rows_by_phone, name: id.rows_by_name }));
        /** @type {[string, string | null][]} */
        const used = [[t('ident_email'), id.email_column], [t('ident_phone'), id.phone_column], [t('ident_name'), id.name_column]];
        for (const [role, column] of used) if (column) lines.push(t('ident_column_used', { role, column }));
      }
      box.replaceChildren(
        el('h3', { text: t('ident_title') }),
        el('label', null, [el('span', { text: t('ident_choice') }), select]),
        ...lines.map((line) => el('p', { class: 'muted ident-line', text: line }))
      );
    }

    /** @param {InputSummary} input */
    function renderPreview(input) {
      const table = $('preview');
      table.replaceChildren();
      const header = input.header || [];
      /** @type {Record<number, string>} */
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
      for (const row of (input.preview || []).slice(0, 8)) {
        const tr = el('tr');
        for (let i = 0; i < width; i++) tr.append(el('td', { text: row[i] == null ? '' : row[i] }));
        body.append(tr);
      }
      table.append(body);
    }

    /** @returns {IngestOptions} */
    function read() {
      /** @type {IngestOptions} */
      const ingest = {};
      const enc = $('map-encoding').value;
      if (enc !== 'auto') ingest.encoding = /** @type {IngestOptions['encoding']} */ (enc);
      const delim = $('map-delimiter').value;
      if (delim !== 'auto') ingest.delimiter = /** @type {IngestOptions['delimiter']} */ (delim);
      const header = $('map-header').value;
      if (header !== 'auto') ingest.has_header = header === 'yes';
      const order = $('map-date-order').value;
      if (order !== 'auto') ingest.date_order = /** @type {IngestOptions['date_order']} */ (order);
      /** @type {NonNullable<IngestOptions['columns']>} */
      const columns = {};
      for (const role of ROLES) {
        const v = $('map-role-' + role) ? $('map-role-' + role).value : '';
        if (v === '-') columns[role] = '';
        else if (v !== '') columns[role] = Number(v);
      }
      if (Object.keys(columns).length) ingest.columns = columns;
      const identity = $('map-identity') ? $('map-identity').value : 'auto';
      if (identity !== 'auto') ingest.identity = /** @type {IngestOptions['identity']} */ (identity);
      return ingest;
    }

    $('btn-error-mapping').addEventListener('click', open);
    $('btn-show-mapping').addEventListener('click', () => ($('mapping').hidden ? open() : ($('mapping').hidden = true)));
    $('btn-mapping-close').addEventListener('click', () => ($('mapping').hidden = true));
    $('btn-rerun').addEventListener('click', () => {
      store.ingest = read();
      actions.analyze(store.files, store.label);
    });
    $('btn-mapping-reset').addEventListener('click', () => {
      store.ingest = {};
      actions.analyze(store.files, store.label);
    });
    actions.openMapping = open;
    return {
      relabel() {
        if (!$('mapping').hidden) open();
      },
    };
  },
};
