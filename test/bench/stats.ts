/**
 * The bench's arithmetic: timing loops with a warm-up, percentiles, and the entry shape that
 * `npm run bench --json` writes. Figures are printed and compared, never asserted by tests.
 */

/** One line of the bench's output (and one element of the --json array). */
export interface BenchEntry {
  name: string;
  unit: string;
  p50: number;
  p95: number;
  baseline_p50?: number;
  ratio?: number;
}

export interface BenchOptions {
  /** postgres:// URL of a server the module may create scratch databases on; absent = embedded PGlite. */
  databaseUrl?: string;
  /** Measured iterations (each module has its own default). */
  samples?: number;
  /** Unmeasured iterations first, so JIT, pools and caches settle. */
  warmup?: number;
  print: (line: string) => void;
}

/** What run.ts runs: one area's figures. */
export interface BenchModule {
  name: string;
  run(options: BenchOptions): Promise<BenchEntry[]>;
}

export interface SampleOptions {
  samples: number;
  warmup: number;
}

/** The q-quantile (0..1) of values, linearly interpolated between the nearest ranks. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds per call of `fn`, after `warmup` unmeasured calls. */
export async function sample(fn: () => unknown, options: SampleOptions): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const started = performance.now();
    await fn();
    out.push(performance.now() - started);
  }
  return out;
}

/**
 * Times several calls in turn, call by call (rotating who goes first), so all of them see the
 * same machine (other processes on a shared CPU, GC, thermal state) instead of one getting the
 * quiet minute. Returns milliseconds per call, by name.
 */
export async function sampleAlternating<K extends string>(fns: Record<K, () => unknown>, options: SampleOptions): Promise<Record<K, number[]>> {
  const names = Object.keys(fns) as K[];
  for (let i = 0; i < options.warmup; i++) for (const name of names) await fns[name]();
  const result = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < options.samples; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length]!;
      const started = performance.now();
      await fns[name]();
      result[name].push(performance.now() - started);
    }
  }
  return result;
}

/** A candidate against its baseline, alternately. */
export function samplePair(candidate: () => unknown, baseline: () => unknown, options: SampleOptions): Promise<{ candidate: number[]; baseline: number[] }> {
  return sampleAlternating({ candidate, baseline }, options);
}

export type TimeUnit = 'ms' | 'us';

/** An entry from millisecond samples, optionally against a baseline (ratio = p50 / baseline p50). */
export function summarize(name: string, samplesMs: readonly number[], unit: TimeUnit = 'ms', baselineMs?: readonly number[]): BenchEntry {
  const scale = unit === 'us' ? 1000 : 1;
  const entry: BenchEntry = {
    name,
    unit,
    p50: round(percentile(samplesMs, 0.5) * scale),
    p95: round(percentile(samplesMs, 0.95) * scale),
  };
  if (baselineMs) {
    const baseline = percentile(baselineMs, 0.5) * scale;
    entry.baseline_p50 = round(baseline);
    entry.ratio = round(entry.p50 / baseline, 2);
  }
  return entry;
}

/** The printed table: name, unit, p50, p95, baseline_p50, ratio. */
export function formatTable(entries: readonly BenchEntry[]): string {
  const header = ['name', 'unit', 'p50', 'p95', 'baseline_p50', 'ratio'];
  const rows = entries.map((e) => [e.name, e.unit, String(e.p50), String(e.p95), e.baseline_p50 === undefined ? '' : String(e.baseline_p50), e.ratio === undefined ? '' : `${e.ratio}x`]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
