import { describe, expect, it } from 'vitest';
import { formatTable, percentile, RATIO_AT_P95, summarize, watchMemory } from '../bench/stats.js';
import { BENCH_TARGETS, checkTargets, formatTargets } from '../bench/targets.js';

// 1..100 ms: p50 = 50.5, p95 = 95.05. Baseline 1..20 ms: p50 = 10.5, p95 = 19.05.
const candidate = Array.from({ length: 100 }, (_, i) => i + 1);
const baseline = Array.from({ length: 20 }, (_, i) => i + 1);

describe('summarize', () => {
  it('compares p50s by default and adds no p95 baseline', () => {
    const entry = summarize('live: x (vs y)', candidate, 'ms', baseline);
    expect(entry).toEqual({ name: 'live: x (vs y)', unit: 'ms', p50: 50.5, p95: 95.05, baseline_p50: 10.5, ratio: 4.81 });
  });

  it('at p95 divides the p95s, carries baseline_p95 and says so in the name', () => {
    const entry = summarize('live: x (vs y)', candidate, 'ms', baseline, { ratioAt: 'p95' });
    expect(entry.name).toBe(`live: x (vs y) ${RATIO_AT_P95}`);
    expect(entry.baseline_p50).toBe(10.5);
    expect(entry.baseline_p95).toBe(19.05);
    expect(entry.ratio).toBe(4.99);
    expect(entry.ratio).not.toBe(summarize('live: x', candidate, 'ms', baseline).ratio);
  });

  it('does not repeat the suffix, scales to microseconds, and ignores ratioAt without a baseline', () => {
    expect(summarize(`a ${RATIO_AT_P95}`, candidate, 'ms', baseline, { ratioAt: 'p95' }).name).toBe(`a ${RATIO_AT_P95}`);
    expect(summarize('a', [0.002, 0.004], 'us', [0.001, 0.002], { ratioAt: 'p95' }).baseline_p95).toBe(1.95);
    expect(summarize('a', candidate, 'ms', undefined, { ratioAt: 'p95' })).toEqual({ name: 'a', unit: 'ms', p50: 50.5, p95: 95.05 });
  });
});

describe('formatTable', () => {
  const plain = summarize('plain', candidate, 'ms', baseline);
  const tail = summarize('tail', candidate, 'ms', baseline, { ratioAt: 'p95' });

  it('keeps the usual six columns when no entry compares at p95', () => {
    expect(formatTable([plain]).split('\n')[0]!.split(/\s+/)).toEqual(['name', 'unit', 'p50', 'p95', 'baseline_p50', 'ratio']);
  });

  it('adds a baseline_p95 column, empty for p50 entries, when one entry compares at p95', () => {
    const lines = formatTable([plain, tail]).split('\n');
    expect(lines[0]!.split(/\s+/)).toEqual(['name', 'unit', 'p50', 'p95', 'baseline_p50', 'baseline_p95', 'ratio']);
    expect(lines[2]!.split(/\s+/)).toEqual(['plain', 'ms', '50.5', '95.05', '10.5', '4.81x']);
    expect(lines[3]!.startsWith(`tail ${RATIO_AT_P95}`)).toBe(true);
    expect(lines[3]!.split(/\s+/).slice(-6)).toEqual(['ms', '50.5', '95.05', '10.5', '19.05', '4.99x']);
  });
});

describe('watchMemory', () => {
  it('reports the kernel peak and the sampled RSS in MB, and one line per phase', () => {
    const watch = watchMemory(1000);
    watch.phase('live');
    const { entries, lines } = watch.stop();
    expect(entries.map((e) => [e.name, e.unit])).toEqual([
      ['memory: bench process peak RSS (main side, in-process)', 'MB'],
      ['memory: bench process RSS sampled every 1000 ms (main side, in-process)', 'MB'],
    ]);
    const [peak, sampled] = entries;
    expect(peak!.p50).toBeGreaterThan(0);
    // The kernel's peak can never be below a value sampled before it was read.
    expect(peak!.p50).toBeGreaterThanOrEqual(sampled!.p95 - 0.1);
    expect(lines.some((line) => line.includes('live'))).toBe(true);
  });
});

describe('percentile', () => {
  it('interpolates between ranks', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});

describe('targets', () => {
  const entry = (name: string, p50: number, ratio?: number) => ({ name, unit: 'ms', p50, p95: p50, ...(ratio === undefined ? {} : { ratio }) });

  it('takes the worst matching entry and says met or not, and "not run" where nothing matched', () => {
    const outcomes = checkTargets(
      [entry('screens: a (router vs raw pg)', 2, 1.1), entry('screens: b (router vs raw pg)', 3, 1.7), entry('renderer: Moderation page load (#/moderation/active) -> first rows painted', 420)],
      BENCH_TARGETS,
    );
    const screens = outcomes.find((o) => o.target.entries.test('screens: x'))!;
    expect(screens).toMatchObject({ figure: 1.7, from: 'screens: b (router vs raw pg)', met: false });
    const firstRows = outcomes.find((o) => o.target.read === 'p50' && o.target.atMost === 500)!;
    expect(firstRows).toMatchObject({ figure: 420, met: true });
    const transport = outcomes.find((o) => o.target.entries.test('transport: system.ping over MessageChannel (vs bare port echo)'))!;
    expect(transport).toMatchObject({ figure: null, met: null });
    const text = formatTargets(outcomes);
    expect(text).toMatch(/target: every other screen read, vs its statements replayed +1\.70× +≤ 1\.5× +NOT met/);
    expect(text).toMatch(/target: a query over the port, vs a bare echo on it +not measured +≤ 2× +not run/);
  });

  it('leaves the counts out of the moderation reads target (they have their own)', () => {
    const [, , moderation] = checkTargets([entry('moderation: counts per queue and type, kept counts (router vs raw pg full count)', 1, 0.01), entry('moderation: active first page (router vs raw pg)', 1, 1.2)]);
    expect(moderation).toMatchObject({ figure: 1.2, met: true });
  });
});
