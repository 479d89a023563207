/**
 * Opening a profile's database the way the desk needs it: connect, prepare (bot schema on an
 * empty database, aurora_desk objects), check the schema, seed the embedded demo on first run,
 * learn whether writes are allowed, start the live hub. And probing one without keeping it.
 */
import type { ProfileTestResult, SwitchProfileResult } from '@shared/domain/settings.js';
import type { SchemaReport } from '@shared/domain/schema-check.js';
import { checkSchema } from '../db/check.js';
import { findBotTables, migrateDatabase } from '../db/migrate.js';
import { openDatabase, type AuroraDatabase, type DatabaseConfig } from '../core/database.js';
import { botTableNames } from '../db/schema.js';
import { demoSeedOptions, seedDatabase, SeedRefusedError } from '../db/seed.js';
import { createLiveHub } from '../live/hub.js';
import type { LiveHub } from '../live/types.js';
import type { Logger } from '../core/log.js';
import { explainConnectionError, userOfUrl, type ExplainedConnectionError } from './connection-errors.js';
import { detectReadOnly } from './read-only.js';

export interface ConnectionTarget {
  profileId: string;
  label: string;
  config: DatabaseConfig;
  /** Seed demo data when the database has no players (the embedded profile only). */
  seedDemo: boolean;
}

export interface OpenConnection extends Omit<SwitchProfileResult, 'driver'> {
  database: AuroraDatabase;
  live: LiveHub;
}

export interface ConnectOptions {
  log: Logger;
  livePollIntervalMs?: number;
}

/** A failure to open, already explained in words (`explained`) for the Settings page. */
export class ConnectionFailure extends Error {
  constructor(readonly explained: ExplainedConnectionError) {
    super(explained.message);
    this.name = 'ConnectionFailure';
  }
}

function explain(error: unknown, target: ConnectionTarget): ExplainedConnectionError {
  return explainConnectionError(error, target.label, target.config.kind === 'postgres' ? userOfUrl(target.config.url) : undefined);
}

export async function openConnection(target: ConnectionTarget, options: ConnectOptions): Promise<OpenConnection> {
  let database: AuroraDatabase;
  try {
    database = await openDatabase(target.config);
  } catch (error) {
    throw new ConnectionFailure(explain(error, target));
  }
  try {
    // A read-only role cannot migrate anything: learn that first and only look.
    const readOnlyReason = await detectReadOnly(database);
    let botSchema: SwitchProfileResult['botSchema'];
    let deskProblem: string | null = null;
    if (readOnlyReason) {
      const found = await findBotTables(database);
      botSchema = found.length === botTableNames.length ? 'present' : 'partial';
      deskProblem = 'The connection is read-only, so Aurora Desk could not install its own objects; live updates fall back to polling.';
    } else {
      const migration = await migrateDatabase(database);
      botSchema = migration.botSchema;
      deskProblem = migration.desk.available ? null : (migration.desk.reason ?? 'aurora_desk is not available');
    }
    const report = await checkSchema(database);
    let seeded = false;
    if (target.seedDemo && !readOnlyReason && botSchema !== 'partial' && (await countPlayers(database)) === 0) {
      seeded = await seedDemo(database, options.log);
    }
    const live = await createLiveHub(database, { log: options.log, pollIntervalMs: options.livePollIntervalMs });
    return { profileId: target.profileId, label: target.label, database, live, report, readOnlyReason, botSchema, deskProblem, seeded };
  } catch (error) {
    await database.close().catch(() => {});
    const explained = explain(error, target);
    throw new ConnectionFailure(
      explained.problem === 'other'
        ? { problem: 'other', message: `Connected to ${target.label}, but could not prepare it: ${(error as Error).message ?? String(error)}` }
        : explained,
    );
  }
}

/**
 * The same demo world every time (same seed), placed around the moment it is created so its
 * active lootdrops, timers and recent cases look current. A demo someone already filled is left alone.
 */
async function seedDemo(database: AuroraDatabase, log: Logger): Promise<boolean> {
  try {
    const summary = await seedDatabase(database, { ...demoSeedOptions, anchor: new Date() });
    log.info('seeded the embedded demo database', { seed: summary.seed, ms: summary.elapsedMs });
    return true;
  } catch (error) {
    if (!(error instanceof SeedRefusedError)) throw error;
    log.warn('the embedded database has no players but other data: not seeding it', { error: error.message });
    return false;
  }
}

async function countPlayers(database: AuroraDatabase): Promise<number> {
  const { rows } = await database.query<{ n: string }>('SELECT count(*)::text AS n FROM (SELECT 1 FROM users LIMIT 1) AS any_player');
  return Number(rows[0]?.n ?? 0);
}

/** Schema report, server version and write rights of an open database. Changes nothing. */
export async function inspectDatabase(
  database: AuroraDatabase,
): Promise<{ report: SchemaReport; readOnlyReason: string | null; serverVersion: string }> {
  const version = await database.query<{ server_version: string }>('SHOW server_version');
  return {
    serverVersion: version.rows[0]?.server_version ?? 'unknown',
    report: await checkSchema(database),
    readOnlyReason: await detectReadOnly(database),
  };
}

/** Connects on the side with one connection, inspects, disconnects. Answers; never throws. */
export async function probeConnection(target: ConnectionTarget): Promise<ProfileTestResult> {
  let database: AuroraDatabase | undefined;
  try {
    database = await openDatabase(target.config.kind === 'postgres' ? { ...target.config, poolSize: 1, applicationName: 'aurora-desk (test)' } : target.config);
    const inspected = await inspectDatabase(database);
    return { ok: true, label: target.label, driver: database.driver, ...inspected };
  } catch (error) {
    return { ok: false, label: target.label, ...explain(error, target) };
  } finally {
    await database?.close().catch(() => {});
  }
}
