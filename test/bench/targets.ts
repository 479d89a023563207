/**
 * The figures the desk is held to, checked at the end of every bench run: one line per target
 * with the figure, the target and whether it is met. A target whose entries did not run (a module
 * left out with --only, or one that failed) says so instead of passing.
 */
import type { BenchEntry } from './stats.js';

export interface BenchTarget {
  /** What staff would call it. */
  label: string;
  /** The entries it reads; where several match, the worst one counts. */
  entries: RegExp;
  /** The entry's ratio to its baseline, or its p50 in the entry's own unit. */
  read: 'ratio' | 'p50';
  atMost: number;
}

export const BENCH_TARGETS: readonly BenchTarget[] = [
  { label: 'a query over the port, vs a bare echo on it', entries: /^transport: system\.ping over MessageChannel \(vs bare port echo\)/, read: 'ratio', atMost: 2 },
  { label: "the renderer hears the bot's INSERT, vs a bare LISTEN (p95)", entries: /^live: INSERT -> renderer-side subscriber/, read: 'ratio', atMost: 2 },
  { label: 'moderation reads through the router, vs the same SQL', entries: /^moderation: (?!counts)/, read: 'ratio', atMost: 1.3 },
  { label: 'queue counts at 1M cases, vs at 10k', entries: /^growth: counts .* @1M/, read: 'ratio', atMost: 1.5 },
  { label: 'every growth read at the largest size, vs the smallest', entries: /^growth: .* @(1M|100k) \(vs @(10k|1k)\)$/, read: 'ratio', atMost: 1.5 },
  { label: "the count triggers' cost on a bot INSERT", entries: /^counters: bot INSERT of one case/, read: 'ratio', atMost: 1.2 },
  { label: 'every other screen read, vs its statements replayed', entries: /^screens: /, read: 'ratio', atMost: 1.5 },
  { label: 'first rows painted after navigation (ms)', entries: /^renderer: Moderation page load/, read: 'p50', atMost: 500 },
  { label: 'raid: router requests per second of burst', entries: /^raid: .*router requests per second of burst/, read: 'p50', atMost: 15 },
  { label: 'raid: failed requests', entries: /^raid: .*failed requests/, read: 'p50', atMost: 0 },
  { label: 'raid: last insert until the count is right (ms)', entries: /^raid: .*last insert -> Active count right/, read: 'p50', atMost: 1000 },
  { label: 'raid: longest frame gap during the burst (ms)', entries: /^raid: .*longest frame gap/, read: 'p50', atMost: 100 },
  { label: 'main side peak RSS (MB)', entries: /^memory: bench process peak RSS/, read: 'p50', atMost: 300 },
];

export interface TargetOutcome {
  target: BenchTarget;
  /** The worst matching figure, or null when none of its entries ran. */
  figure: number | null;
  /** The entry that gave the figure. */
  from: string | null;
  met: boolean | null;
}

export function checkTargets(entries: readonly BenchEntry[], targets: readonly BenchTarget[] = BENCH_TARGETS): TargetOutcome[] {
  return targets.map((target) => {
    let worst: { figure: number; from: string } | null = null;
    for (const entry of entries) {
      if (!target.entries.test(entry.name)) continue;
      const figure = target.read === 'ratio' ? entry.ratio : entry.p50;
      if (figure === undefined) continue;
      if (!worst || figure > worst.figure) worst = { figure, from: entry.name };
    }
    return { target, figure: worst?.figure ?? null, from: worst?.from ?? null, met: worst ? worst.figure <= target.atMost : null };
  });
}

export function formatTargets(outcomes: readonly TargetOutcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.target.label.length));
  return outcomes
    .map(({ target, figure, met }) => {
      const unit = target.read === 'ratio' ? '×' : '';
      const shown = figure === null ? 'not measured' : `${round(figure)}${unit}`;
      const verdict = met === null ? 'not run' : met ? 'met' : 'NOT met';
      return `target: ${target.label.padEnd(width)}  ${shown.padStart(12)}  ≤ ${`${target.atMost}${unit}`.padEnd(6)}  ${verdict}`;
    })
    .join('\n');
}

const round = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
