// Page-wide keyboard and layout glue: Escape closes the open panel (the mapping panel first,
// then the customer list), and --topbar-h follows the sticky top bar's height so a section
// scrolled to is not hidden under it (styles.css, scroll-margin-top).

/**
 * @param {Document | ShadowRoot} root
 * @param {HTMLElement} host
 */
export function installPageKeys(root, host) {
  const closers = [['mapping', 'btn-mapping-close'], ['customers', 'btn-customers-close']];
  host.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const [panel, button] of closers) {
      const node = root.getElementById(panel);
      const close = root.getElementById(button);
      if (node && close && !node.hidden) {
        close.click();
        return;
      }
    }
  });
  const bar = root.querySelector('.topbar');
  if (bar instanceof HTMLElement && typeof ResizeObserver !== 'undefined') {
    new ResizeObserver(() => host.style.setProperty('--topbar-h', bar.offsetHeight + 'px')).observe(bar);
  }
}
