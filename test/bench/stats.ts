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
  /** Only when the ratio is taken at p95 (see SummarizeOptions.ratioAt); the name then says so. */
  baseline_p95?: number;
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

export interface SummarizeOptions {
  /**
   * Which percentile the ratio compares (default p50). At p95 the entry also carries
   * baseline_p95 and its name ends with RATIO_AT_P95, so a reader of the table or the JSON
   * cannot mistake it for the usual p50 ratio.
   */
  ratioAt?: 'p50' | 'p95';
}

export const RATIO_AT_P95 = '(ratio at p95)';

/** An entry from millisecond samples, optionally against a baseline (ratio = p50 / baseline p50, or at p95 when asked). */
export function summarize(
  name: string,
  samplesMs: readonly number[],
  unit: TimeUnit = 'ms',
  baselineMs?: readonly number[],
  options: SummarizeOptions = {},
): BenchEntry {
  const scale = unit === 'us' ? 1000 : 1;
  const atP95 = baselineMs !== undefined && options.ratioAt === 'p95';
  const entry: BenchEntry = {
    name: atP95 && !name.endsWith(RATIO_AT_P95) ? `${name} ${RATIO_AT_P95}` : name,
    unit,
    p50: round(percentile(samplesMs, 0.5) * scale),
    p95: round(percentile(samplesMs, 0.95) * scale),
  };
  if (baselineMs) {
    const baseline50 = percentile(baselineMs, 0.5) * scale;
    entry.baseline_p50 = round(baseline50);
    if (atP95) {
      const baseline95 = percentile(baselineMs, 0.95) * scale;
      entry.baseline_p95 = round(baseline95);
      entry.ratio = round(entry.p95 / baseline95, 2);
    } else {
      entry.ratio = round(entry.p50 / baseline50, 2);
    }
  }
  return entry;
}

/**
 * The printed table: name, unit, p50, p95, baseline_p50, ratio; a baseline_p95 column joins
 * only when some entry has its ratio at p95.
 */
export function formatTable(entries: readonly BenchEntry[]): string {
  const withP95 = entries.some((e) => e.baseline_p95 !== undefined);
  const optional = (value: number | undefined) => (value === undefined ? '' : String(value));
  const header = ['name', 'unit', 'p50', 'p95', 'baseline_p50', ...(withP95 ? ['baseline_p95'] : []), 'ratio'];
  const rows = entries.map((e) => [
    e.name,
    e.unit,
    String(e.p50),
    String(e.p95),
    optional(e.baseline_p50),
    ...(withP95 ? [optional(e.baseline_p95)] : []),
    e.ratio === undefined ? '' : `${e.ratio}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface MemoryWatch {
  /** Names the stretch of the run that follows (a module), for the per-stretch peaks. */
  phase(name: string): void;
  /** Stops sampling; the entries plus one line per stretch. */
  stop(): { entries: BenchEntry[]; lines: string[] };
}

const MB = 1024 * 1024;

/**
 * This process's resident set: sampled on a timer (process.memoryUsage.rss() reads one number
 * from the kernel, no heap walk, so it is cheap enough to leave running under the timings) and
 * its peak as the kernel counts it (resourceUsage().maxRSS, in KiB, which also catches spikes
 * between two samples). The bench hosts the router and the main-side code in-process, so this
 * is the main side's memory plus the bench's own (and, on PGlite, the database's).
 */
export function watchMemory(intervalMs = 200): MemoryWatch {
  const samples: number[] = [];
  const peaks = new Map<string, number>();
  let current = 'start';
  const take = () => {
    const rss = process.memoryUsage.rss() / MB;
    samples.push(rss);
    peaks.set(current, Math.max(peaks.get(current) ?? 0, rss));
  };
  take();
  const timer = setInterval(take, intervalMs);
  timer.unref();
  return {
    phase(name) {
      take();
      current = name;
      take();
    },
    stop() {
      take();
      clearInterval(timer);
      const peak = process.resourceUsage().maxRSS / 1024;
      const entries: BenchEntry[] = [
        { name: 'memory: bench process peak RSS (main side, in-process)', unit: 'MB', p50: round(peak, 1), p95: round(peak, 1) },
        {
          name: `memory: bench process RSS sampled every ${intervalMs} ms (main side, in-process)`,
          unit: 'MB',
          p50: round(percentile(samples, 0.5), 1),
          p95: round(percentile(samples, 0.95), 1),
        },
      ];
      const lines = [...peaks].map(([name, mb]) => `  ${name.padEnd(12)} highest sampled RSS ${round(mb, 1)} MB`);
      return { entries, lines: [`memory: ${samples.length} RSS samples; kernel peak ${round(peak, 1)} MB`, ...lines] };
    },
  };
}
