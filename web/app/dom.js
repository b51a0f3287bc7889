// Building DOM nodes. File content (ids, headers, preview cells) only ever goes in as text.

/**
 * @param {string} tag
 * @param {Record<string, any> | null} [props] text, class, dataset, on<event>, or attributes
 * @param {(Node | string | null | undefined)[]} [children]
 * @returns {HTMLElement & HTMLInputElement}
 */
export function el(tag, props, children) {
  const node = /** @type {any} */ (document.createElement(tag));
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v == null) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'class') node.className = v;
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k === 'style') node.style.cssText = v; // CSSOM: allowed under a strict style-src
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
  }
  for (const child of children || []) if (child != null) node.append(child);
  return node;
}

/** @param {string} label @param {string} value */
export function chip(label, value) {
  return el('span', { class: 'chip' }, [el('span', { class: 'muted', text: label + ' ' }), el('b', { text: value })]);
}

/**
 * Blob + a[download] on the user's click: the page never navigates or uploads.
 * @param {ArrayBuffer | Blob} bytes
 * @param {string} name
 */
export function download(bytes, name) {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
