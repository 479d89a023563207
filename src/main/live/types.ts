/** The live hub: one LISTEN (or polling) source fanned out to every subscriber. Wire types: @shared/live. */
import type { LiveEvent, LiveStatus } from '@shared/live.js';

export type { LiveEvent, LiveMode, LiveOperation, LiveStatus, LiveTable } from '@shared/live.js';

export interface LiveHub {
  status(): LiveStatus;
  /** Events until the signal aborts; starts with the current status. */
  events(signal?: AbortSignal): AsyncIterable<LiveEvent>;
  close(): Promise<void>;
}
