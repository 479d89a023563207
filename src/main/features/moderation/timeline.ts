/**
 * A case's timeline: what the row's columns say (opened, resolved) merged with what the desk
 * recorded in `metadata.aurora_desk` (notes, claims, edits, Discord), oldest first. Facts from
 * the columns are shown even when no desk entry exists (the bot opened or expired the case).
 */
import type { TimelineEntry } from '@shared/domain/moderation.js';
import { toStaffRef, type DeskMeta } from './desk-metadata.js';

export interface TimelineRow {
  createdAt: Date | null;
  moderatorId: bigint | null;
  moderatorName: string | null;
  reason: string | null;
  active: boolean | null;
  resolvedAt: Date | null;
  resolvedBy: bigint | null;
  resolvedByName: string | null;
  resolvedReason: string | null;
}

/** An outcome learned by checking Discord after a restart says so, beside what it found. */
const withChecked = (detail: string | null, checked: boolean) =>
  checked ? [detail, 'checked on Discord when a desk started (no answer had been recorded)'].filter(Boolean).join(' · ') : detail;

const sameMillisecond = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime()) < 1;

export function buildTimeline(row: TimelineRow, meta: DeskMeta): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const h of meta.history) {
    entries.push({
      at: new Date(h.at),
      kind: h.action,
      by: toStaffRef(h.by),
      text: h.text ?? null,
      previous: h.previous ?? null,
      source: 'desk',
    });
  }
  for (const n of meta.notes) entries.push({ at: new Date(n.at), kind: 'note', by: toStaffRef(n.by), text: n.text, source: 'desk' });
  for (const d of meta.discord) {
    entries.push({
      at: new Date(d.at),
      kind: 'discord',
      by: toStaffRef(d.by),
      text: d.action,
      ok: d.ok,
      detail: withChecked(d.error ?? null, d.checked === true),
      until: d.until ? new Date(d.until) : null,
      source: 'desk',
    });
  }
  // A case whose created_at is NULL has no moment to place its opening at: the detail shows it undated.
  if (row.createdAt && !meta.history.some((h) => h.action === 'opened')) {
    entries.push({
      at: row.createdAt,
      kind: 'opened',
      by: row.moderatorId === null ? null : { id: row.moderatorId, name: row.moderatorName },
      text: row.reason,
      source: 'row',
    });
  }
  const resolvedAt = row.resolvedAt;
  if (row.active === false && resolvedAt && !meta.history.some((h) => h.action === 'resolved' && sameMillisecond(new Date(h.at), resolvedAt))) {
    entries.push({
      at: resolvedAt,
      kind: 'resolved',
      by: row.resolvedBy === null ? null : { id: row.resolvedBy, name: row.resolvedByName },
      text: row.resolvedReason,
      source: 'row',
    });
  }
  const order: Record<TimelineEntry['kind'], number> = {
    opened: 0, discord: 1, claimed: 2, note: 3, 'reason-edited': 4, unclaimed: 5, resolved: 6, reopened: 7,
  };
  // Nothing happens to a case before it is opened: the Discord action taken with the opening
  // is stamped when Discord answered, which may be a moment before the row was written.
  const rank = (e: TimelineEntry) => (e.kind === 'opened' ? 0 : 1);
  return entries.sort((a, b) => rank(a) - rank(b) || a.at.getTime() - b.at.getTime() || order[a.kind] - order[b.kind]);
}
