/**
 * The badge: how many new active cases arrived since staff last looked at the desk. Counted in
 * the main process from the live hub's events, so the dock/taskbar and the tray are right even
 * while every window is hidden. A case the bot inserts counts once and may raise a notice; a
 * resync or a polling-mode change ("something changed in the table") counts nothing, because
 * it names no case; looking at the desk (a window gains focus) clears the count.
 */
import type { LiveEvent } from '@shared/live.js';
import type { DeskNotice } from './shell.js';

export interface NewCasesState {
  count: number;
  /** Case IDs already counted (a repeated event for the same insert counts once). */
  counted: readonly string[];
}

export type NewCasesInput = { type: 'live'; event: LiveEvent } | { type: 'seen' };

export const initialNewCases: NewCasesState = { count: 0, counted: [] };
/** How many counted IDs are remembered to drop repeats; older ones are long past. */
const REMEMBERED = 200;

export interface NewCasesStep {
  state: NewCasesState;
  /** A desktop notice for this input, if it brought a new case. */
  notice?: DeskNotice;
}

export function reduceNewCases(state: NewCasesState, input: NewCasesInput): NewCasesStep {
  if (input.type === 'seen') return { state: state.count === 0 ? state : { ...state, count: 0 } };
  const event = input.event;
  if (event.kind !== 'change' || event.table !== 'moderation_cases' || event.op !== 'INSERT') return { state };
  const id = event.key.id;
  if (id === undefined || !/^\d{1,19}$/.test(id) || state.counted.includes(id)) return { state };
  const count = state.count + 1;
  return {
    state: { count, counted: [...state.counted, id].slice(-REMEMBERED) },
    notice: {
      title: count === 1 ? 'New moderation case' : `${count} new moderation cases`,
      body: `Case #${id} is waiting in the queue.`,
      opens: { kind: 'case', id },
    },
  };
}

/** The text a badge or tray shows for a count ('' for none). */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}
