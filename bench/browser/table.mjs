// The Markdown tables of a benchmark run: per file, each contender's median time, MB/s and
// memory growth, WRONG when its checksum differs from the one most contenders agree on.
import { sameChecksum } from './rfm_checksum.mjs';

const MB = 1e6;
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (ms) => (ms / 1000).toFixed(2) + ' s';
const size = (bytes) => (bytes >= 1e9 ? (bytes / 1e9).toFixed(2) + ' GB' : (bytes / MB).toFixed(0) + ' MB');

// The checksum most results carry (ties: the first seen).
export function referenceChecksum(results) {
  const votes = [];
  for (const r of results) {
    if (!r.checksum) continue;
    const v = votes.find((x) => sameChecksum(x.checksum, r.checksum));
    if (v) v.n++;
    else votes.push({ checksum: r.checksum, n: 1 });
  }
  return votes.sort((a, b) => b.n - a.n)[0]?.checksum;
}

// One cell: "1.30 s · 66 MB/s · +1.25 GB", or why there is none.
export function cell(entry, bytes, reference) {
  if (!entry) return '–';
  if (entry.skipped) return entry.skipped;
  if (entry.error) return `failed: ${entry.error}`;
  const ms = median(entry.runs.map((r) => r.ms));
  const growth = Math.max(...entry.runs.map((r) => r.growth ?? r.peakBytes ?? 0));
  const memory = entry.native ? `peak ${size(growth)}` : `+${size(growth)}`;
  const wrong = entry.runs.some((r) => r.checksum && reference && !sameChecksum(r.checksum, reference));
  const init = entry.runs[0].init ? ` (+${seconds(median(entry.runs.map((r) => r.init.ms)))} to instantiate)` : '';
  const rerun = entry.runs[0].rerunMs ? ` · re-run ${seconds(median(entry.runs.map((r) => r.rerunMs)))}` : '';
  return `${wrong ? '**WRONG** ' : ''}${seconds(ms)} · ${(bytes / MB / (ms / 1000)).toFixed(0)} MB/s · ${memory}${init}${rerun}`;
}

export function markdown({ files, browserNames, labels, nativeNames, nativeLabels, meta }) {
  const lines = [`Benchmark of issue 14 — ${meta.date}`, '', `Machine: ${meta.machine}. Load average ${meta.loadBefore} before, ${meta.loadAfter} after.`,
    `Versions: ${meta.versions}.`, `Each cell: median of ${meta.runs} runs, File → finished result; MB/s in 10^6 bytes; tab memory growth (Σ RSS of all browser processes, worst run); natively the peak RSS.`, ''];
  if (browserNames.length) {
    lines.push(`| file | rows | size | ${browserNames.map((n) => labels[n]).join(' | ')} |`);
    lines.push(`|---|---|---|${browserNames.map(() => '---|').join('')}`);
    for (const f of files) lines.push(`| ${f.label} | ${f.rows.toLocaleString('en')} | ${size(f.bytes)} | ${browserNames.map((n) => cell(f.browser[n], f.bytes, f.reference)).join(' | ')} |`);
    lines.push('');
  }
  if (nativeNames.length) {
    lines.push(`| file (native) | ${nativeNames.map((n) => nativeLabels[n]).join(' | ')} |`, `|---|${nativeNames.map(() => '---|').join('')}`);
    for (const f of files) lines.push(`| ${f.label} ${f.rows.toLocaleString('en')} | ${nativeNames.map((n) => cell(f.native[n], f.bytes, f.reference)).join(' | ')} |`);
  }
  lines.push('', '| file | checksum: customers | Σ distinct orders | Σ spend |', '|---|---|---|---|');
  for (const f of files) {
    const c = f.reference;
    lines.push(`| ${f.label} ${f.rows.toLocaleString('en')} | ${c ? c.customers.toLocaleString('en') : '?'} | ${c ? c.orders.toLocaleString('en') : '?'} | ${c ? (c.spend_cents / 100).toFixed(2) : '?'} |`);
  }
  return lines.join('\n') + '\n';
}
