// The Members tab (会员分层): seed 004's seven member tiers, a card each with its rule in
// words (the settings' values filled in by the engine), the settings to change, count,
// revenue in the window and share; each card opens the customer list of its tier; and a
// grid of how the tiers overlap.
import { t, segName, segAction } from '../i18n/index.js';
import { el } from '../app/dom.js';
import { fmtInt, fmtMoney, fmtPct } from '../app/format.js';
import { rerunWith, settingInput, inLang } from './tier_parts.js';

/** @typedef {import('../types/huike-embed').Report} Report */
/** @typedef {import('../types/huike-embed').MemberTier} MemberTier */

/** @type {import('./registry.js').ViewDefinition} */
export const membersView = {
  id: 'members',
  tab: 'members_tab',
  create(app) {
    const { $, actions } = app;
    const panel = $('view-members');
    const error = el('p', { class: 'error-text small', id: 'members-error' });
    const head = el('div', { class: 'card-head' }, [el('h2', { dataset: { i18n: 'members_title' }, text: t('members_title') }),
      el('span', { class: 'muted small', id: 'members-window' })]);
    const cards = el('div', { class: 'tier-cards', id: 'members-cards' });
    const overlap = el('div', { class: 'table-wrap' }, [el('table', { class: 'table overlap', id: 'members-overlap' })]);
    panel.append(
      el('div', { class: 'card' }, [head, error, cards]),
      el('div', { class: 'card' }, [
        el('div', { class: 'card-head' }, [el('h2', { dataset: { i18n: 'members_overlap_title' }, text: t('members_overlap_title') }),
          el('span', { class: 'muted small', dataset: { i18n: 'members_overlap_note' }, text: t('members_overlap_note') })]),
        overlap,
      ])
    );

    /** @param {string} key @param {number} value */
    const change = (key, value) => rerunWith(app, { [key]: value }, error);

    /** @param {MemberTier} tier */
    function card(tier) {
      const settings = Object.entries(tier.settings)
        // The sleeping window is the main settings' churn window: changed there, shown here.
        .filter(([key]) => key !== 'churn_window_days')
        .map(([key, value]) => settingInput(key, value, t('members_set_' + key), change));
      const stats = el('div', { class: 'tier-stats' }, [
        el('div', null, [el('span', { class: 'muted small', text: t('members_customers') }),
          el('b', { dataset: { count: String(tier.customers) }, class: 'tier-count', text: fmtInt(tier.customers) })]),
        el('div', null, [el('span', { class: 'muted small', text: t('members_revenue') }),
          el('b', { class: 'tier-revenue', dataset: { value: String(tier.revenue) }, text: fmtMoney(tier.revenue) })]),
        el('div', null, [el('span', { class: 'muted small', text: t('members_share') }),
          el('b', { class: 'tier-share', dataset: { value: String(tier.customer_share) }, text: fmtPct(tier.customer_share) })]),
      ]);
      const show = el('button', { type: 'button', class: 'btn small', text: t('members_show') });
      show.addEventListener('click', () => {
        actions.showView('overview');
        actions.openList({ tier: tier.key }, segName(tier), t('members_list_note', { rule: inLang(tier, 'rule'), action: segAction(tier) }));
      });
      return el('div', { class: 'card tier-card', dataset: { tier: tier.key, available: String(tier.available) } }, [
        el('h3', { text: segName(tier) }),
        el('p', { class: 'tier-rule small', text: inLang(tier, 'rule') }),
        tier.available ? null : el('p', { class: 'error-text small tier-reason', text: t('members_unavailable', { reason: inLang(tier, 'reason') || tier.reason || '' }) }),
        settings.length ? el('div', { class: 'tier-settings' }, settings) : null,
        stats,
        el('p', { class: 'muted small', text: segAction(tier) }),
        tier.available ? show : null,
      ]);
    }

    /** @param {Report} r */
    function renderOverlap(r) {
      const tiers = r.members.tiers;
      const table = $('members-overlap');
      table.replaceChildren();
      table.append(el('thead', null, [el('tr', null, [el('th'), ...tiers.map((tier) => el('th', { class: 'num', text: segName(tier) }))])]));
      const body = el('tbody');
      tiers.forEach((row, i) => {
        const size = r.members.overlap[i][i] || 1;
        body.append(el('tr', null, [el('th', { text: segName(row) }), ...tiers.map((col, j) => {
          const n = r.members.overlap[i][j];
          // Shade by the share of the row's tier also in the column's tier.
          return el('td', { class: 'num', dataset: { pair: row.key + '|' + col.key }, style: 'background: rgba(37, 99, 235, ' + (0.08 + 0.5 * n / size).toFixed(2) + ')', text: fmtInt(n) });
        })]));
      });
      table.append(body);
    }

    return {
      render(r) {
        if (!r.members) return;
        const m = r.members;
        $('members-window').textContent = t('members_window', { w: m.window_days, n: fmtInt(m.window_buyers), rev: fmtMoney(m.window_revenue) });
        cards.replaceChildren(...m.tiers.map(card));
        renderOverlap(r);
      },
    };
  },
};
