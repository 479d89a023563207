/** Turns a NOTIFY payload from `aurora_desk.notify_change()` into a hub event. */
import type { LiveEvent, LiveOperation, LiveTable } from './types.js';
import { liveTableKeys } from '../db/desk/0003_live_notify.js';

const operations = new Set<string>(['INSERT', 'UPDATE', 'DELETE']);

export function isLiveTable(name: string): name is LiveTable {
  return Object.hasOwn(liveTableKeys, name);
}

/**
 * Null for anything that is not ours or not well formed: a stray NOTIFY on the channel must
 * not reach the renderer. Key values stay strings (a bigint key is never parsed as a number).
 */
export function parseLivePayload(payload: string): LiveEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { t, op, k } = data as { t?: unknown; op?: unknown; k?: unknown };
  if (typeof t !== 'string' || !isLiveTable(t) || typeof op !== 'string') return null;
  if (op === 'TRUNCATE') return { kind: 'resync', reason: `${t} was emptied` };
  if (!operations.has(op) || typeof k !== 'object' || k === null) return null;
  const key: Record<string, string> = {};
  for (const column of liveTableKeys[t]) {
    const value = (k as Record<string, unknown>)[column];
    if (typeof value !== 'string') return null;
    key[column] = value;
  }
  return { kind: 'change', table: t, op: op as LiveOperation, key };
}
