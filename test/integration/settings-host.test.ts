/**
 * The real host behind the settings router: the embedded PGlite in a data folder, a saved
 * PostgreSQL profile (a scratch database), switching between them without a restart, failed
 * switches that keep the old connection, tests that answer in words, and no secret ever
 * reaching the renderer, the settings file or the log.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/main/db/schema.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import { settingsPath } from '../../src/main/core/settings-store/file.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { createScratchDatabase, type ScratchDatabase } from '../fixtures/databases.js';
import { startFakeDiscord } from '../fixtures/fake-discord.js';
import { hasPostgres, noPostgresReason, testDatabaseUrl } from '../fixtures/environment.js';
import { recordingLogger } from '../fixtures/logger.js';
import { callerFor } from '../fixtures/services.js';
import { rejectionOf } from '../fixtures/rejection.js';

const PASSWORD = 'hunter2-Aurora-pw!';
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gq1Xy2.fake-token-for-the-host-test';
const MARKER_PLAYER = 1234567890123456789n;

function withUserAndPassword(url: string, user: string, password: string | null): string {
  const u = new URL(url);
  u.username = user;
  u.password = password ? encodeURIComponent(password) : '';
  return u.toString();
}

function databaseUrl(name: string): string {
  const u = new URL(testDatabaseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

let dataDir: string;
let host: DeskHost;
const log = recordingLogger();

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aurora-host-'));
  host = await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log, seedDemo: false, livePollIntervalMs: 200 });
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the host on the embedded database', () => {
  it('opens the embedded profile with the bot schema and answers settings.get', async () => {
    expect(host.connection()).toEqual({ profileId: 'embedded', driver: 'pglite', label: 'embedded' });
    expect(host.schemaReport()?.ok).toBe(true);
    const view = await callerFor(host).settings.get();
    expect(view.activeProfileId).toBe('embedded');
    expect(view.profiles).toEqual([expect.objectContaining({ id: 'embedded', kind: 'embedded', active: true, hasPassword: false })]);
    expect(view.identity).toBeNull();
    expect(view.discord).toEqual({ guildId: null, tokenSet: false, apiBase: null, apiBaseEditable: true, allowCustomApiBase: false, claimButtonFormat: null, currencies: [] });
    expect(view.secretsAvailable).toBe(true);
    const current = await callerFor(host).settings.connectionReport();
    expect(current).toMatchObject({ connection: { profileId: 'embedded', label: 'embedded' }, readOnlyReason: null, report: { ok: true, empty: false } });
    // PGlite has no pg_trgm: the report says what that costs, once, here.
    expect(current.notes).toEqual([expect.stringMatching(/^pg_trgm is not available on this database .*scans the tables/)]);
    await host.database().db.insert(users).values({ id: MARKER_PLAYER, username: 'embedded-marker' });
  });

  it('sets the staff identity without having one (it is how one gets set), and audits it', async () => {
    const caller = callerFor(host);
    const identity = await caller.settings.setIdentity({ id: '1100000000000000001', name: '  Nyx  ' });
    expect(identity).toEqual({ id: 1100000000000000001n, name: 'Nyx' });
    expect(host.identity()).toEqual({ id: 1100000000000000001n, name: 'Nyx' });
    expect((await caller.system.status()).identity).toEqual({ id: 1100000000000000001n, name: 'Nyx' });
    const audit = await caller.audit.list({ procedure: 'settings.setIdentity' });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actorId: 1100000000000000001n, outcome: 'ok' });
    const bad = await rejectionOf(caller.settings.setIdentity({ id: '12ab', name: '' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.data.fieldErrors ?? {})).toEqual(expect.arrayContaining(['id', 'name']));
  });

  it('keeps the Discord token write-only: the renderer learns only that it is set', async () => {
    const caller = callerFor(host);
    // Saving tries the settings against Discord: here the fake one, never Discord itself.
    const fake = await startFakeDiscord({ token: TOKEN });
    try {
      const discord = await caller.settings.setDiscord({ guildId: '987654321098765432', token: TOKEN, apiBase: fake.apiBase, currencies: ['GOLD', 'GEMS'] });
      const { check, ...saved } = discord;
      expect(saved).toEqual({ guildId: 987654321098765432n, tokenSet: true, apiBase: fake.apiBase, apiBaseEditable: true, allowCustomApiBase: false, claimButtonFormat: null, currencies: ['GOLD', 'GEMS'] });
      expect(check).not.toBeNull();
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /users/@me');
      expect(JSON.stringify(superjson.serialize(discord))).not.toContain(TOKEN);
      expect(host.store.discord().token).toBe(TOKEN);
      // undefined token: kept; the guild can change without re-entering it
      await caller.settings.setDiscord({ guildId: '987654321098765433' });
      expect(host.store.discord()).toMatchObject({ token: TOKEN, guildId: 987654321098765433n });
      expect(host.discord.status()).toEqual({ configured: true, guildId: '987654321098765433', reason: null });
    } finally {
      await fake.close();
    }
  });

  it('saves a profile with its password encrypted and never returns a secret', async () => {
    const caller = callerFor(host);
    const saved = await caller.settings.saveProfile({ name: 'Aurora (scratch)', url: `postgres://aurora:${PASSWORD}@db.example:5432/aurora` });
    expect(saved).toMatchObject({ kind: 'postgres', url: 'postgres://aurora@db.example:5432/aurora', label: 'db.example:5432/aurora', hasPassword: true, active: false });

    const view = await caller.settings.get();
    const wire = JSON.stringify(superjson.serialize(view));
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), TOKEN, 'passwordSecret', 'tokenSecret', 'kf1:']) {
      expect(wire).not.toContain(secret);
    }
    const raw = await readFile(settingsPath(dataDir), 'utf8');
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain(encodeURIComponent(PASSWORD));
    expect(raw).not.toContain(TOKEN);
    expect(JSON.parse(raw).profiles[1].passwordSecret).toMatch(/^kf1:/);

    const audit = await caller.audit.list({ procedure: 'settings.saveProfile' });
    const summary = JSON.stringify(audit.entries[0]?.input);
    expect(summary).not.toContain(PASSWORD);
    expect(summary).toContain('db.example');
    await caller.settings.deleteProfile({ id: saved.id });
  });

  it('answers a bad URL and an unreachable database in words, without crashing', async () => {
    const caller = callerFor(host);
    const notPostgres = await rejectionOf(caller.settings.saveProfile({ name: 'Web', url: 'http://db.example/aurora' }));
    expect(notPostgres.code).toBe('BAD_REQUEST');
    expect(Object.keys(notPostgres.data.fieldErrors ?? {})).toEqual(['url']);

    const badPort = await caller.settings.testProfile({ url: 'postgres://aurora@db.example:99999/aurora' });
    expect(badPort).toMatchObject({ ok: false, problem: 'bad-url' });
    expect(badPort.ok === false && badPort.message).toMatch(/not a valid URL/);

    const refused = await caller.settings.testProfile({ url: `postgres://aurora:${PASSWORD}@127.0.0.1:1/aurora` });
    expect(refused).toMatchObject({ ok: false, problem: 'unreachable', label: '127.0.0.1:1/aurora' });
    expect(refused.ok === false && refused.message).toMatch(/Nothing answers at 127\.0\.0\.1:1\/aurora \(connection refused\)/);
    expect(JSON.stringify(refused)).not.toContain(PASSWORD);

    const nowhere = await caller.settings.testProfile({ url: 'postgres://aurora@no-such-host.invalid/aurora' });
    expect(nowhere).toMatchObject({ ok: false, problem: 'unreachable' });

    await expect(caller.system.ping()).resolves.toMatchObject({ pong: true });
  });

  it('keeps the old connection when a switch fails', async () => {
    const caller = callerFor(host);
    const before = host.database();
    const dead = await caller.settings.saveProfile({ name: 'Dead host', url: 'postgres://aurora@127.0.0.1:1/aurora', password: PASSWORD });
    const failed = await rejectionOf(caller.settings.switchProfile({ id: dead.id }));
    expect(failed.code).toBe('SERVICE_UNAVAILABLE');
    expect(failed.message).toMatch(/Could not switch to "Dead host": Nothing answers at 127\.0\.0\.1:1\/aurora.*Still connected to embedded\./);
    expect(host.database()).toBe(before);
    expect(host.connection().profileId).toBe('embedded');
    expect((await caller.settings.get()).activeProfileId).toBe('embedded');
    const { rows } = await host.database().query<{ username: string }>('SELECT username FROM users WHERE id = $1', [MARKER_PLAYER.toString()]);
    expect(rows[0]?.username).toBe('embedded-marker');
    // The failure was audited on the database still in use, and the log holds no secret.
    const audit = await caller.audit.list({ procedure: 'settings.switchProfile', outcome: 'error' });
    expect(audit.entries[0]).toMatchObject({ errorCode: 'SERVICE_UNAVAILABLE', errorMessage: expect.stringMatching(/Still connected to embedded/) });
    await caller.settings.deleteProfile({ id: dead.id });
    const unknown = await rejectionOf(caller.settings.switchProfile({ id: 'pg-nope' }));
    expect(unknown.code).toBe('NOT_FOUND');
  });
});

describe.skipIf(!hasPostgres)('switching to PostgreSQL and back (postgres)', () => {
  if (!hasPostgres) console.warn(`[switching to PostgreSQL] skipped: ${noPostgresReason}`);
  let scratch: ScratchDatabase;
  beforeAll(async () => {
    scratch = await createScratchDatabase('postgres');
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('tests, switches to an empty PostgreSQL (creating the schema), and back without a restart', async () => {
    const caller = callerFor(host);
    const profile = await caller.settings.saveProfile({ name: 'Scratch', url: withUserAndPassword(scratch.url!, 'postgres', PASSWORD) });
    expect(profile.hasPassword).toBe(true);

    const tested = await caller.settings.testProfile({ id: profile.id });
    expect(tested).toMatchObject({ ok: true, driver: 'pg', readOnlyReason: null });
    expect(tested.ok && tested.report.empty).toBe(true);

    const embedded = host.database();
    const embeddedHub = host.live();
    const switched = await caller.settings.switchProfile({ id: profile.id });
    expect(switched).toMatchObject({ profileId: profile.id, driver: 'pg', botSchema: 'created', deskProblem: null, readOnlyReason: null, seeded: false });
    expect(switched.report.ok).toBe(true);
    expect(host.connection()).toMatchObject({ profileId: profile.id, driver: 'pg' });
    expect(host.connection().label).toBe(new URL(scratch.url!).host + new URL(scratch.url!).pathname);
    expect((await caller.system.status()).connection.driver).toBe('pg');
    expect((await caller.settings.get()).activeProfileId).toBe(profile.id);
    expect(host.live()).not.toBe(embeddedHub);
    // The old database was let go.
    await expect(embedded.query('SELECT 1')).rejects.toThrow();
    // The new one is empty of players: this is not the demo database.
    expect((await host.database().query<{ n: string }>('SELECT count(*)::text AS n FROM users')).rows[0]?.n).toBe('0');
    const audit = await caller.audit.list({ procedure: 'settings.switchProfile' });
    expect(audit.entries[0]).toMatchObject({ outcome: 'ok', actorName: 'Nyx' });

    // The embedded profile can be tested while PostgreSQL is in use.
    await expect(caller.settings.testProfile({ id: 'embedded' })).resolves.toMatchObject({ ok: true, driver: 'pglite' });

    const back = await caller.settings.switchProfile({ id: 'embedded' });
    expect(back).toMatchObject({ profileId: 'embedded', driver: 'pglite', botSchema: 'present' });
    const { rows } = await host.database().query<{ username: string }>('SELECT username FROM users WHERE id = $1', [MARKER_PLAYER.toString()]);
    expect(rows[0]?.username).toBe('embedded-marker');
    expect(log.text()).not.toContain(PASSWORD);
    expect(log.text()).not.toContain(TOKEN);
  });

  it('names a missing database and an unknown role', async () => {
    const caller = callerFor(host);
    const missing = await caller.settings.testProfile({ url: databaseUrl('aurora_no_such_database') });
    expect(missing).toMatchObject({ ok: false, problem: 'no-database' });
    const stranger = await caller.settings.testProfile({ url: withUserAndPassword(scratch.url!, 'aurora_no_such_role', PASSWORD) });
    expect(stranger).toMatchObject({ ok: false, problem: 'auth' });
    expect(stranger.ok === false && stranger.message).toMatch(/refused user "aurora_no_such_role"/);
  });
});

describe.skipIf(!hasPostgres)('a session started with AURORA_DATABASE_URL (postgres)', () => {
  let scratch: ScratchDatabase;
  let overridden: DeskHost;
  let overrideDir: string;
  beforeAll(async () => {
    scratch = await createScratchDatabase('postgres');
    overrideDir = await mkdtemp(join(tmpdir(), 'aurora-host-override-'));
    overridden = await createDeskHost({ dataDir: overrideDir, cipher: createKeyFileCipher(overrideDir), log: recordingLogger(), seedDemo: false, databaseUrlOverride: scratch.url });
  });
  afterAll(async () => {
    await overridden?.close();
    await scratch?.drop();
    if (overrideDir) await rm(overrideDir, { recursive: true, force: true });
  });

  it('marks no saved profile as in use: the environment\'s database is', async () => {
    const view = await callerFor(overridden).settings.get();
    expect(view.overriddenBy).toBe(new URL(scratch.url!).host + new URL(scratch.url!).pathname);
    expect(view.profiles).toEqual([expect.objectContaining({ id: 'embedded', active: false })]);
    expect((await callerFor(overridden).settings.connectionReport()).connection).toMatchObject({ profileId: 'env', driver: 'pg' });
  });
});
