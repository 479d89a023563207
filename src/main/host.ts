/**
 * The host builds the desk's services once, at start: settings from the data folder, one open
 * database (the active profile, or AURORA_DATABASE_URL for this session) with its live hub, the
 * clock, the scheduler of timed work, Discord, the audit writer. It starts the desk's own work
 * (closing ended lootdrops' messages) and stops all of it on close; profile switches open the new
 * database before letting go of the old one. Electron's main, the web harness and tests build it
 * the same way; it imports no Electron (the cipher is injected).
 */
import type { SchemaReport } from '@shared/domain/schema-check.js';
import type { ProfileTestResult, StoredProfile, SwitchProfileResult, TestProfileInput } from '@shared/domain/settings.js';
import type { StaffIdentity } from '@shared/identity.js';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LiveStatus } from '@shared/live.js';
import { ConnectionFailure, openConnection, inspectDatabase, probeConnection, type ConnectionTarget, type OpenConnection } from './connection/connect.js';
import { explainConnectionError } from './connection/connection-errors.js';
import { createAuditWriter } from './core/audit.js';
import { systemClock, type Clock } from './core/clock.js';
import type { AuroraDatabase } from './core/database.js';
import { discordGatewayFor } from './core/discord/gateway.js';
import { DeskError, ERRORS } from './core/errors.js';
import type { Logger } from './core/log.js';
import { Scheduler } from './core/scheduler.js';
import type { ConnectionInfo, DeskRun, DeskServices, LiveHub } from './core/services.js';
import type { SecretCipher } from './core/settings-store/cipher.js';
import type { SettingsAccess } from './core/settings-store/settings-access.js';
import { SettingsStore } from './core/settings-store/store.js';
import { discordDestination, labelForUrl, splitPassword, withPassword } from './core/settings-store/urls.js';
import { startLootdropHousekeeping } from './features/lootdrops/housekeeping.js';
import { startDiscordReconcile } from './features/moderation/reconcile.js';

export interface DeskHostOptions {
  dataDir: string;
  cipher: SecretCipher;
  log: Logger;
  /** AURORA_DATABASE_URL: used for this session instead of the active profile, never saved. */
  databaseUrlOverride?: string;
  /** Seed demo data into a fresh embedded database (default true). */
  seedDemo?: boolean;
  livePollIntervalMs?: number;
  /** An installed app (Electron's app.isPackaged): the Discord API address is then fixed unless allowed. */
  packaged?: boolean;
  /** Time for the desk's timed work (tests pass one they drive). */
  clock?: Clock;
  /** This run of the desk; a test may name the machine to stand for another desktop. */
  run?: Partial<DeskRun>;
  random?: () => number;
}

export interface DeskHost extends DeskServices, SettingsAccess {
  readonly settings: SettingsAccess;
  /** Stops the desk's timed work, waits for what is in flight, closes the database. */
  close(): Promise<void>;
}

const OVERRIDE_PROFILE_ID = 'env';

function offlineHub(reason: string): LiveHub {
  const status: LiveStatus = { mode: 'offline', since: new Date(), reason };
  return {
    status: () => status,
    async *events(signal?: AbortSignal) {
      yield { kind: 'status', status };
      // Stay open like a real hub would, until the subscriber leaves.
      if (signal && !signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    },
    close: async () => {},
  };
}

export async function createDeskHost(options: DeskHostOptions): Promise<DeskHost> {
  const { log } = options;
  const store = await SettingsStore.load(options.dataDir, options.cipher, log);
  const seedDemo = options.seedDemo ?? true;

  let current: OpenConnection | null = null;
  let override: ConnectionTarget | null = null;
  /** Why no database is open (startup failure), for the status bar and database(). */
  let problem: { profileId: string; label: string; message: string; driver: 'pg' | 'pglite' } | null = null;
  let idleHub = offlineHub('No database is open.');
  let closed = false;
  // Switches, probes of the embedded folder and close() run one at a time.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };

  function targetFor(profile: StoredProfile, passwordOverride?: string): ConnectionTarget {
    const config = store.connectionConfig(profile, passwordOverride);
    return {
      profileId: profile.id,
      label: config.kind === 'embedded' ? 'embedded' : labelForUrl(config.url),
      config,
      seedDemo: seedDemo && profile.kind === 'embedded',
    };
  }

  function findProfile(id: string): StoredProfile {
    const profile = store.profile(id);
    if (!profile) throw ERRORS.notFound(`The connection profile "${id}"`);
    return profile;
  }

  async function release(connection: OpenConnection | null): Promise<void> {
    if (!connection) return;
    await connection.live.close().catch((error: unknown) => log.warn('closing the live hub failed', { error: String(error) }));
    await connection.database.close().catch((error: unknown) => log.warn('closing the database failed', { error: String(error) }));
  }

  function result(connection: OpenConnection): SwitchProfileResult {
    const { database, live: _live, ...rest } = connection;
    return { ...rest, driver: database.driver };
  }

  function note(connection: OpenConnection): void {
    log.info('database open', {
      profile: connection.profileId,
      label: connection.label,
      botSchema: connection.botSchema,
      schemaOk: connection.report.ok,
      differences: connection.report.differences.length,
      readOnly: connection.readOnlyReason,
      desk: connection.deskProblem,
      seeded: connection.seeded,
    });
  }

  // ── first connection ─────────────────────────────────────────────────────────────────────
  {
    let target: ConnectionTarget | null = null;
    try {
      if (options.databaseUrlOverride) {
        const { url, password } = splitPassword(options.databaseUrlOverride);
        target = { profileId: OVERRIDE_PROFILE_ID, label: labelForUrl(url), config: { kind: 'postgres', url: withPassword(url, password) }, seedDemo: false };
        override = target;
      } else {
        target = targetFor(findProfile(store.current().activeProfileId));
      }
      current = await openConnection(target, { log, livePollIntervalMs: options.livePollIntervalMs });
      note(current);
    } catch (error) {
      // Never fall back to the demo silently: staff must not mistake demo data for the real thing.
      const message =
        error instanceof ConnectionFailure || error instanceof DeskError ? error.message : explainConnectionError(error, target?.label ?? 'the database').message;
      const profileId = target?.profileId ?? store.current().activeProfileId;
      problem = { profileId, label: target?.label ?? profileId, message, driver: target?.config.kind === 'embedded' ? 'pglite' : 'pg' };
      idleHub = offlineHub(message);
      log.error('could not open the database', { profile: profileId, error: message });
    }
  }

  const clock = options.clock ?? systemClock;
  const scheduler = new Scheduler(clock);
  const packaged = options.packaged ?? false;
  const discord = discordGatewayFor(() => {
    const config = store.discord();
    // A custom API address the installed app does not allow (a hand-edited settings file): the
    // token is sent nowhere.
    return packaged && !config.allowCustomApiBase && discordDestination(config.apiBase) !== discordDestination(null) ? null : config;
  });
  const audit = createAuditWriter({ log, clock, secrets: () => store.secretValues() });

  const host: DeskHost = {
    log,
    store,
    packaged,
    clock,
    scheduler,
    discord,
    audit,
    run: { id: options.run?.id ?? randomUUID(), host: options.run?.host ?? hostname() },
    random: options.random ?? Math.random,
    get settings() {
      return host;
    },

    database(): AuroraDatabase {
      if (current) return current.database;
      throw ERRORS.unavailable(
        problem ? `No database is open: ${problem.message}` : 'No database is open. Choose a connection profile in Settings.',
      );
    },

    connection(): ConnectionInfo {
      if (current) return { profileId: current.profileId, driver: current.database.driver, label: current.label };
      if (problem) return { profileId: problem.profileId, driver: problem.driver, label: problem.label, problem: problem.message };
      return { profileId: store.current().activeProfileId, driver: 'pg', label: 'not connected', problem: 'No database is open.' };
    },

    identity(): StaffIdentity | null {
      return store.identity();
    },

    readOnlyReason(): string | null {
      return current?.readOnlyReason ?? null;
    },

    live(): LiveHub {
      return current?.live ?? idleHub;
    },

    overrideLabel(): string | null {
      return current?.profileId === OVERRIDE_PROFILE_ID || (!current && override) ? (override?.label ?? null) : null;
    },

    schemaReport(): SchemaReport | null {
      return current?.report ?? null;
    },

    switchProfile(id: string): Promise<SwitchProfileResult> {
      return serially(async () => {
        if (closed) throw ERRORS.unavailable('Aurora Desk is shutting down.', 'desk');
        const profile = findProfile(id);
        // Already there: nothing to reopen (and PGlite's folder cannot be opened twice).
        if (current && current.profileId === id) {
          await store.setActiveProfile(id);
          return result(current);
        }
        const target = targetFor(profile);
        let next: OpenConnection;
        try {
          // The embedded folder may be open already only when it is the current database.
          next = await openConnection(target, { log, livePollIntervalMs: options.livePollIntervalMs });
        } catch (error) {
          const why = error instanceof ConnectionFailure || error instanceof DeskError ? error.message : String(error);
          const kept = current ? ` Still connected to ${current.label}.` : '';
          log.warn('profile switch failed', { profile: id, error: why });
          throw ERRORS.unavailable(`Could not switch to "${profile.name}": ${why}${kept}`);
        }
        try {
          await store.setActiveProfile(id);
        } catch (error) {
          await release(next);
          throw error;
        }
        const previous = current;
        current = next;
        override = null;
        problem = null;
        note(next);
        await release(previous);
        return result(next);
      });
    },

    testProfile(input: TestProfileInput): Promise<ProfileTestResult> {
      if ('url' in input) {
        const { url, password } = splitPassword(input.url);
        const full = withPassword(url, input.password ?? password);
        return probeConnection({ profileId: 'unsaved', label: labelForUrl(url), config: { kind: 'postgres', url: full }, seedDemo: false });
      }
      let target: ConnectionTarget;
      try {
        target = targetFor(findProfile(input.id), input.password);
      } catch (error) {
        if (error instanceof DeskError && error.code === 'NOT_FOUND') throw error;
        return Promise.resolve({ ok: false, label: input.id, problem: 'auth', message: (error as Error).message });
      }
      if (target.config.kind === 'postgres') return probeConnection(target);
      // The embedded folder can be open once: inspect the open one, or open it in turn.
      return serially(async () => {
        if (current?.database.driver === 'pglite' && current.profileId === target.profileId) {
          try {
            return { ok: true as const, label: target.label, driver: 'pglite' as const, ...(await inspectDatabase(current.database)) };
          } catch (error) {
            return { ok: false as const, label: target.label, ...explainConnectionError(error, target.label) };
          }
        }
        return probeConnection(target);
      });
    },

    close(): Promise<void> {
      return serially(async () => {
        if (closed) return;
        closed = true;
        scheduler.stop();
        await scheduler.settled();
        discord.close();
        const open = current;
        current = null;
        await release(open);
      });
    },
  };
  startLootdropHousekeeping(host);
  startDiscordReconcile(host);
  return host;
}
