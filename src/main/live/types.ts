/** The live hub's contract lives with the desk's services; its wire types in @shared/live. */
export type { LiveHub } from '../core/services.js';
export type { LiveEvent, LiveMode, LiveOperation, LiveRowChange, LiveStatus, LiveTable } from '@shared/live.js';
export { liveRows } from '@shared/live.js';
