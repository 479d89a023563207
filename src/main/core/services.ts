/**
 * The desk's services: everything a procedure reaches through its context. The host builds one
 * set when the desk starts (Electron's main, the web harness and tests alike) and hands it to the
 * router; nothing in it starts because something read it. The current database is a getter
 * because a profile switch replaces it.
 */
import type { LiveEvent, LiveStatus } from '@shared/live.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { AuditWriter } from './audit.js';
import type { Clock } from './clock.js';
import type { AuroraDatabase } from './database.js';
import type { DiscordGateway } from './discord/gateway.js';
import type { Logger } from './log.js';
import type { Scheduler } from './scheduler.js';
import type { SettingsAccess } from './settings-store/settings-access.js';

export interface ConnectionInfo {
  /** The profile in use ("embedded" for the demo database). */
  profileId: string;
  driver: 'pg' | 'pglite';
  /** "embedded" or "host:port/database": never a password. */
  label: string;
  /** Set while no database is open: why, in words for the status bar. */
  problem?: string;
}

/** The live hub: the bot's changes as events, from one LISTEN (or polling) source, fanned out. */
export interface LiveHub {
  status(): LiveStatus;
  /** Events until the signal aborts; starts with the current status. */
  events(signal?: AbortSignal): AsyncIterable<LiveEvent>;
  close(): Promise<void>;
}

/** This run of the desk: a restart is a new run (a burst it ran shows as interrupted). */
export interface DeskRun {
  id: string;
  /** The machine, so a run can tell its own earlier runs from another desktop's. */
  host: string;
}

export interface DeskServices {
  readonly log: Logger;
  readonly clock: Clock;
  /** The desk's timed work (bursts, closing ended drops): stopped when the desk closes. */
  readonly scheduler: Scheduler;
  readonly discord: DiscordGateway;
  readonly audit: AuditWriter;
  readonly run: DeskRun;
  /** The desk's source of chance (burst amounts and spacing), injectable like the clock. */
  readonly random: () => number;
  /** Settings and connection profiles (the host has them; most router tests do not). */
  readonly settings: SettingsAccess | null;
  /** The open database. Throws a SERVICE_UNAVAILABLE DeskError while none is open. */
  database(): AuroraDatabase;
  connection(): ConnectionInfo;
  identity(): StaffIdentity | null;
  /** A reason when writes are refused (read-only role, ...); null when writes are allowed. */
  readOnlyReason(): string | null;
  live(): LiveHub;
}
