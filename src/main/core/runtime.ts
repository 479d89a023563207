/**
 * What every procedure reaches through its context: the current database (which a profile
 * switch replaces), the staff identity, the live hub, settings. Electron's main, the web
 * harness and tests each build one; nothing here imports Electron.
 */
import type { StaffIdentity } from '@shared/identity.js';
import type { AuroraDatabase } from './database.js';
import type { DiscordClient } from './discord/client.js';
import type { LiveHub } from '../live/types.js';
import type { Logger } from './log.js';
import type { SettingsHost } from './settings-store/settings-access.js';

export interface ConnectionInfo {
  /** The profile in use ("embedded" for the demo database). */
  profileId: string;
  driver: 'pg' | 'pglite';
  /** "embedded" or "host:port/database": never a password. */
  label: string;
  /** Set while no database is open: why, in words for the status bar. */
  problem?: string;
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
  /** Settings and connection profiles (the real host has them; most router tests do not). */
  settings?: SettingsHost;
  /**
   * The Discord client for the configured bot token and server, or null when Discord is not
   * configured. Optional: without it, features derive one from `settings` (see discord/access.ts).
   */
  discord?(): DiscordClient | null;
}
