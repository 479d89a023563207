/**
 * What every procedure reaches through its context: the current database (which a profile
 * switch replaces), the staff identity, the live hub, settings. Electron's main, the web
 * harness and tests each build one; nothing here imports Electron.
 */
import type { StaffIdentity } from '../shared/identity.js';
import type { AuroraDatabase } from './db/open.js';
import type { LiveHub } from './live/types.js';
import type { Logger } from './log.js';

export interface ConnectionInfo {
  /** The profile in use ("embedded" for the demo database). */
  profileId: string;
  driver: 'pg' | 'pglite';
  /** "embedded" or "host:port/database": never a password. */
  label: string;
}

export interface DeskRuntime {
  /** The open database. Throws a SERVICE_UNAVAILABLE DeskError while none is open. */
  database(): AuroraDatabase;
  connection(): ConnectionInfo;
  identity(): StaffIdentity | null;
  /** A reason when writes are refused (read-only role, ...); null when writes are allowed. */
  readOnlyReason(): string | null;
  live(): LiveHub;
  log: Logger;
}
