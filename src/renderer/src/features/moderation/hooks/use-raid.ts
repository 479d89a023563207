/**
 * Raid mode: when new cases arrive faster than RAID_THRESHOLD in RAID_WINDOW_MS, the queue says
 * so and keeps every case of the raid (from the arrivals it already reads, no extra request), to
 * be grouped by reason or by the target's account age and resolved a group at a time. Cases a
 * resolve or bulk resolve closed leave their group; the raid stays on screen until dismissed.
 */
import { matchMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BulkResolveResult, CaseArrival, CaseSummary } from '@shared/domain/moderation';
import { DISCORD_EPOCH_MS } from '@shared/identity';
import { useTRPC } from '@renderer/lib/trpc';

export const RAID_THRESHOLD = 20;
export const RAID_WINDOW_MS = 10_000;

export interface Raid {
  startedAt: number;
  lastAt: number;
  /** Every case of the raid, arrival order (newest last). */
  total: number;
  /** Those still active as far as this window knows. */
  open: CaseSummary[];
}

export type RaidGrouping = 'reason' | 'age';

export interface RaidGroup {
  key: string;
  label: string;
  cases: CaseSummary[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AGE_BUCKETS: { below: number; label: string }[] = [
  { below: HOUR, label: 'Account under an hour old' },
  { below: DAY, label: 'Account under a day old' },
  { below: 7 * DAY, label: 'Account under a week old' },
  { below: 30 * DAY, label: 'Account under 30 days old' },
  { below: Infinity, label: 'Account 30 days or older' },
];

/** When Discord made the account: the snowflake's top bits are milliseconds since its epoch. */
export function accountCreatedAt(userId: bigint): number {
  return Number(userId >> 22n) + DISCORD_EPOCH_MS;
}

export function groupRaid(cases: CaseSummary[], by: RaidGrouping, now: number): RaidGroup[] {
  const groups = new Map<string, RaidGroup>();
  for (const c of cases) {
    let key: string;
    let label: string;
    if (by === 'reason') {
      key = c.reasonExcerpt ?? '';
      label = c.reasonExcerpt ?? '(no reason)';
    } else if (c.userId === null) {
      key = 'unknown';
      label = 'No target recorded';
    } else {
      const age = now - accountCreatedAt(c.userId);
      const bucket = AGE_BUCKETS.findIndex((b) => age < b.below);
      key = String(bucket);
      label = AGE_BUCKETS[bucket]!.label;
    }
    const group = groups.get(key) ?? { key, label, cases: [] };
    group.cases.push(c);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  return by === 'age' ? list.sort((a, b) => a.key.localeCompare(b.key)) : list.sort((a, b) => b.cases.length - a.cases.length || a.label.localeCompare(b.label));
}

export function useRaid() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const recent = useRef<{ at: number; summary: CaseSummary }[]>([]);
  const [raid, setRaid] = useState<{ startedAt: number; lastAt: number; total: number; cases: Map<bigint, CaseSummary> } | null>(null);

  const onArrivals = useCallback((arrivals: CaseArrival[], at: number) => {
    const active = arrivals.filter((a) => a.summary.active);
    recent.current = [...recent.current.filter((r) => at - r.at < RAID_WINDOW_MS), ...active.map((a) => ({ at, summary: a.summary }))];
    setRaid((current) => {
      if (current) {
        const cases = new Map(current.cases);
        for (const a of active) cases.set(a.summary.id, a.summary);
        return { ...current, lastAt: at, total: current.total + active.length, cases };
      }
      if (recent.current.length < RAID_THRESHOLD) return null;
      const within = recent.current;
      return { startedAt: within[0]!.at, lastAt: at, total: within.length, cases: new Map(within.map((r) => [r.summary.id, r.summary])) };
    });
  }, []);

  // A resolve or bulk resolve, here or in the dialog: its cases leave the raid's groups.
  useEffect(() => {
    const resolves = [trpc.moderation.resolve.mutationKey(), trpc.moderation.bulkResolve.mutationKey()];
    return queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      if (!resolves.some((mutationKey) => matchMutation({ mutationKey }, event.mutation))) return;
      const data = event.action.data as BulkResolveResult | { summary?: CaseSummary } | undefined;
      const closed = new Set<bigint>(data && 'resolved' in data ? data.resolved.map((c) => c.id) : data?.summary ? [data.summary.id] : []);
      if (closed.size === 0) return;
      setRaid((current) => (current ? { ...current, cases: new Map([...current.cases].filter(([id]) => !closed.has(id))) } : current));
    });
  }, [queryClient, trpc]);

  const dismiss = useCallback(() => {
    recent.current = [];
    setRaid(null);
  }, []);

  const view = useMemo<Raid | null>(() => (raid ? { startedAt: raid.startedAt, lastAt: raid.lastAt, total: raid.total, open: [...raid.cases.values()] } : null), [raid]);
  return { raid: view, onArrivals, dismiss };
}
