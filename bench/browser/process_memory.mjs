// Memory of a process tree from /proc: the resident set (VmRSS) summed over a process and all
// its descendants (Chromium: the browser, its zygotes, renderers, GPU and utility processes).
import { readdirSync, readFileSync } from 'node:fs';

function parentsByPid() {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* the process ended */
    }
  }
  return parents;
}

export function descendants(rootPid) {
  const parents = parentsByPid();
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree];
}

function statusKb(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

// Bytes resident in the whole tree now.
export function treeRss(rootPid) {
  return descendants(rootPid).reduce((sum, pid) => sum + statusKb(pid, 'VmRSS') * 1024, 0);
}

// Chromium processes this node process launched (playwright spawns the browser directly).
export function chromiumChildren() {
  const parents = parentsByPid();
  return [...parents].filter(([pid, ppid]) => {
    if (ppid !== process.pid) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom');
    } catch {
      return false;
    }
  }).map(([pid]) => pid);
}

// Samples the tree's RSS every `ms` until stop(); stop() → {baseline, peak, growth} in bytes.
export function sampleGrowth(rootPids, ms = 100) {
  const now = () => rootPids.reduce((sum, pid) => sum + treeRss(pid), 0);
  const baseline = now();
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, now())), ms);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, now());
      return { baseline, peak, growth: peak - baseline };
    },
  };
}
