// The Win-back tab (流失挽回): seed 001's tiers of lapsed customers with their offer, contact
// cap (settings) and channel counts; a member list dropped as a second file; the contact plan
// exported per tier or whole (the engine writes the CSV).
import { csvLang } from './csv_lang.js';
import { t, lang, segName } from '../i18n/index.js';
import { el, download } from '../app/dom.js';
import { fmtInt, fmtMoney } from '../app/format.js';
import { RequestType } from '../protocol/requests.js';
import { rerunWith, settingInput, inLang } from './tier_parts.js';

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').WinbackTier} WinbackTier */
/** @typedef {import('../types/huike-embed').WinbackTierKey} WinbackTierKey */

/** @type {import('./registry.js').ViewDefinition} */
export const winbackView = {
  id: 'winback',
  tab: 'winback_tab',
  create(app) {
    const { $, store } = app;
    const panel = $('view-winback');
    const error = el('p', { class: 'error-text small', id: 'winback-error' });
    const fileInput = el('input', { type: 'file', id: 'winback-members-input', accept: '.csv,.tsv,.txt,text/csv', hidden: '' });
    const choose = el('button', { type: 'button', class: 'btn small', dataset: { i18n: 'winback_members_choose' }, text: t('winback_members_choose') });
    const clear = el('button', { type: 'button', class: 'btn ghost small', id: 'winback-members-clear', hidden: '', dataset: { i18n: 'winback_members_clear' }, text: t('winback_members_clear') });
    const drop = el('div', { class: 'drop-zone small', id: 'winback-members-drop' }, [
      el('p', { class: 'muted small', dataset: { i18n: 'winback_members_hint' }, text: t('winback_members_hint') }),
      el('div', { class: 'row-actions' }, [choose, clear, fileInput]),
      el('p', { class: 'small', id: 'winback-members-summary' }),
    ]);
    const exportAll = el('button', { type: 'button', class: 'btn primary small', id: 'winback-export-all', dataset: { i18n: 'winback_export_all' }, text: t('winback_export_all') });
    const cards = el('div', { class: 'tier-cards', id: 'winback-cards' });
    panel.append(
      el('div', { class: 'card' }, [
        el('div', { class: 'card-head' }, [el('h2', { dataset: { i18n: 'winback_title' }, text: t('winback_title') }), exportAll]),
        el('p', { class: 'small', id: 'winback-lapsed' }),
        el('p', { class: 'muted small', id: 'winback-channel-rule' }),
        el('div', { class: 'tier-settings', id: 'winback-settings' }),
        error,
        cards,
        el('p', { class: 'muted small', dataset: { i18n: 'winback_rank_note' }, text: t('winback_rank_note') }),
      ]),
      el('div', { class: 'card' }, [el('div', { class: 'card-head' }, [el('h2', { dataset: { i18n: 'winback_members_title' }, text: t('winback_members_title') })]), drop])
    );

    /** @param {string} key @param {number} value */
    const change = (key, value) => rerunWith(app, { [key]: value }, error);

    /** @param {WinbackTierKey | undefined} tier @param {HTMLElement & {disabled: boolean}} button */
    async function exportPlan(tier, button) {
      const report = store.report;
      if (!report) return;
      button.disabled = true;
      error.textContent = '';
      try {
        const { bytes } = await app.client().request(RequestType.WINBACK_CSV, { options: { analysis: store.analysis, csv_lang: csvLang() }, tier, lang: lang() });
        download(bytes, 'huike_winback_' + (tier || 'all') + '_' + report.analysis.as_of + '.csv');
      } catch (e) {
        error.textContent = /** @type {Error} */ (e).message;
      } finally {
        button.disabled = false;
      }
    }

    /** @param {File} file */
    async function addMembers(file) {
      error.textContent = '';
      try {
        await app.client().request(RequestType.MEMBER_LIST, { source: file });
        // The report carries the list's counts and the members_no_order tier from now on.
        await rerunWith(app, {}, error);
      } catch (e) {
        error.textContent = /** @type {Error} */ (e).message;
      }
    }

    /** @param {WinbackTier} tier */
    function card(tier) {
      const channels = el('ul', { class: 'channels small' }, /** @type {const} */ (['sms', 'email', 'platform_message']).map((c) =>
        el('li', null, [el('span', { class: 'muted', text: t(c === 'platform_message' ? 'winback_platform' : 'winback_' + c) + ' ' }),
          el('b', { dataset: { channel: c }, text: fmtInt(tier.channels[c]) })])));
      const caps = Object.entries(tier.settings).map(([key, value]) =>
        settingInput(key, value, t(key.endsWith('_max_touches') ? 'winback_touches' : 'winback_days'), change));
      const exportButton = el('button', { type: 'button', class: 'btn small', text: t('winback_export_tier') });
      exportButton.addEventListener('click', () => exportPlan(tier.key, exportButton));
      return el('div', { class: 'card tier-card', dataset: { tier: tier.key, available: String(tier.available) } }, [
        el('h3', { text: segName({ ...tier, action_zh: '', action_en: '' }) }),
        el('p', { class: 'tier-rule small', text: inLang(tier, 'rule') }),
        el('div', { class: 'tier-stats' }, [
          el('div', null, [el('span', { class: 'muted small', text: t('members_customers') }),
            el('b', { class: 'tier-count', dataset: { count: String(tier.customers) }, text: fmtInt(tier.customers) })]),
          el('div', null, [el('span', { class: 'muted small', text: t('winback_revenue') }),
            el('b', { class: 'tier-revenue', dataset: { value: String(tier.revenue) }, text: fmtMoney(tier.revenue) })]),
        ]),
        el('p', { class: 'small' }, [el('span', { class: 'muted', text: t('winback_offer') + ':' }), inLang(tier, 'offer')]),
        el('p', { class: 'small tier-cap', text: t('winback_cap', { n: tier.max_touches, d: tier.min_days_between }) }),
        el('div', { class: 'tier-settings' }, caps),
        el('div', null, [el('span', { class: 'muted small', text: t('winback_channels') }), channels]),
        tier.customers ? exportButton : null,
      ]);
    }

    /** @param {Report} r */
    function renderMembers(r) {
      const list = r.winback.member_list;
      const summary = $('winback-members-summary');
      clear.hidden = !list;
      if (!list) {
        summary.textContent = t('winback_members_none');
        return;
      }
      const excluded = Object.entries(list.excluded).map(([reason, e]) =>
        t('winback_reason_' + reason) + ' ' + fmtInt(e.rows) + ' (' + t('winback_lines', { lines: e.example_lines.join(', ') }) + ')');
      summary.textContent = t('winback_members_summary', {
        rows: fmtInt(list.rows), members: fmtInt(list.members), matched: fmtInt(list.matched),
        unmatched: fmtInt(list.unmatched), missing: fmtInt(list.customers_not_in_list),
      }) + (excluded.length ? ' · ' + t('winback_members_excluded', { list: excluded.join('; ') }) : '');
    }

    choose.addEventListener('click', () => fileInput.click());
    fileInput.addEventListener('change', () => {
      if (fileInput.files && fileInput.files[0]) addMembers(fileInput.files[0]);
      fileInput.value = '';
    });
    drop.addEventListener('dragover', (e) => e.preventDefault());
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      const file = e.dataTransfer && e.dataTransfer.files[0];
      if (file) addMembers(file);
    });
    clear.addEventListener('click', async () => {
      await app.client().request(RequestType.MEMBER_LIST_CLEAR, {});
      await rerunWith(app, {}, error);
    });
    exportAll.addEventListener('click', () => exportPlan(undefined, exportAll));

    return {
      render(r) {
        if (!r.winback) return;
        const w = r.winback;
        $('winback-lapsed').textContent = t('winback_lapsed', { n: fmtInt(w.lapsed_customers), rule: inLang(w, 'lapsed_rule') }) +
          ' · ' + t('winback_median', { m: fmtMoney(w.median_order_value) });
        $('winback-channel-rule').textContent = inLang(w, 'channel_rule');
        $('winback-settings').replaceChildren(settingInput('winback_light_max_orders', w.light_max_orders, t('winback_light_max'), change));
        cards.replaceChildren(...w.tiers.map(card));
        renderMembers(r);
        exportAll.disabled = !w.tiers.some((tier) => tier.customers > 0);
      },
    };
  },
};
