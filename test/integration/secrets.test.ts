/**
 * The database password and the Discord bot token never leave their encrypted home: a real
 * host (settings store with the key-file cipher, the rotating file log, PGlite and, where
 * present, a real PostgreSQL) is driven through the real transport (the tRPC port the renderer
 * talks over, every byte sent to it recorded), made to fail in every way that could echo a
 * secret (unreachable profiles, a failed switch, a Discord error that quotes the bot's
 * Authorization header, a database that cannot open, a crash), and then every output channel
 * is grepped for the plain values: the log files, everything sent to the renderer, the crash
 * report (stderr and dialog), the audit log, the exports (moderation CSV, quest pack), the
 * settings file, and anything printed on the console.
 */
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { createTRPCClient, type TRPCClient } from '@trpc/client';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appRouter, type AppRouter } from '../../src/main/api/root.js';
import { createContext } from '../../src/main/api/trpc.js';
import { installCrashHandlers } from '../../src/main/electron/crash.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import { createFileLogger, type FileLogger } from '../../src/main/electron/log-file.js';
import { servePort } from '../../src/main/rpc/serve-port.js';
import { settingsPath } from '../../src/main/core/settings-store/file.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { messagePortLink } from '../../src/renderer/src/lib/port-link.js';
import { createScratchDatabase, type ScratchDatabase } from '../fixtures/databases.js';
import { hasPostgres, noPostgresReason } from '../fixtures/environment.js';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { CHANNEL_LOOTDROPS, CHANNEL_RAIDS, CHANNEL_TAVERN, FAKE_GUILD, installLootdropRoutes } from '../fixtures/fake-discord-lootdrops.js';
import { unusedPort } from '../fixtures/ports.js';
import { rejectionOf } from '../fixtures/rejection.js';

const PASSWORD = 'Aurora-Pw_7f3c9e+Q.secret';
const OVERRIDE_PASSWORD = 'Env-Only-Pw_44d1c0ffee';
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.GsEcRt.never-leak-this-bot-token-0xC0FFEE';
const SECRETS = [PASSWORD, encodeURIComponent(PASSWORD), OVERRIDE_PASSWORD, TOKEN];
const STAFF = { id: '1100000000000000042', name: 'Warden Vex' };

function expectNoSecret(channel: string, text: string): void {
  for (const secret of SECRETS) {
    expect(text.includes(secret), `${channel} contains a secret (${secret.slice(0, 6)}…)`).toBe(false);
  }
}

async function readLogs(dir: string): Promise<string> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.startsWith('aurora-desk.log'));
  const texts = await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')));
  return texts.join('\n');
}

interface Wire {
  client: TRPCClient<AppRouter>;
  /** Every message the main process sent to the renderer, as the renderer would receive it. */
  sent: string[];
  stop(): void;
}

/** The real router on a real port pair, as Electron wires it, with the main side's output recorded. */
function connect(host: DeskHost, log: FileLogger): Wire {
  const { port1, port2 } = new MessageChannel();
  const sent: string[] = [];
  const tapped = new Proxy(port1, {
    get(target, property) {
      if (property === 'postMessage') {
        return (message: unknown) => {
          sent.push(JSON.stringify(message));
          target.postMessage(message);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const stop = servePort(tapped, {
    router: appRouter,
    createContext: () => createContext(host),
    onError: ({ error, path, type }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error(`${type} ${path ?? '?'} failed`, { error: String(error.cause ?? error) });
    },
  });
  const client = createTRPCClient<AppRouter>({ links: [messagePortLink<AppRouter>({ port: port2, transformer: superjson })] });
  return {
    client,
    sent,
    stop() {
      stop();
      port2.close();
    },
  };
}

describe('secrets on every output channel', () => {
  let dataDir: string;
  let logDir: string;
  let log: FileLogger;
  let host: DeskHost;
  let wire: Wire;
  let fake: FakeDiscord;
  let deadPort: number;
  const printed: string[] = [];
  const crashLines: string[] = [];
  const dialogs: string[] = [];
  const exported: Record<string, string> = {};

  beforeAll(async () => {
    // Anything the code under test prints goes through these.
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    }
    const writeErr = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (writeErr as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write);

    dataDir = await mkdtemp(join(tmpdir(), 'aurora-secrets-'));
    logDir = join(dataDir, 'logs');
    // Small files, so rotation happens and the rotated files are read too.
    log = createFileLogger({ dir: logDir, maxBytes: 1_500, maxFiles: 20, secrets: () => host?.store.secretValues() ?? [] });
    host = await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log, seedDemo: false, livePollIntervalMs: 500 });
    wire = connect(host, log);
    deadPort = await unusedPort();

    fake = await startFakeDiscord({ token: TOKEN });
    // Before the lootdrop routes, so it wins for #raids: a Discord error that quotes the
    // Authorization header back (as a misbehaving proxy or a verbose error page might).
    fake.route('POST', /^\/channels\/(\d+)\/messages$/, (request, match) => {
      if (match[1] === CHANNEL_RAIDS) return { status: 400, body: { code: 50035, message: `Invalid Form Body (sent with ${request.headers.authorization})` } };
      // The bare token, with no "Bot" before it for a pattern to catch: only the known value can.
      if (match[1] === CHANNEL_TAVERN) return { status: 400, body: { code: 50035, message: `Bad token ${request.headers.authorization?.slice(4)}` } };
      return undefined;
    });
    installLootdropRoutes(fake);
  }, 60_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    wire?.stop();
    await host?.close();
    await log?.close();
    await fake?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('configures the password and the token through the settings procedures', async () => {
    await wire.client.settings.setIdentity.mutate(STAFF);
    const saved = await wire.client.settings.saveProfile.mutate({ name: 'Aurora prod', url: `postgres://aurora:${encodeURIComponent(PASSWORD)}@127.0.0.1:${deadPort}/aurora` });
    expect(saved.hasPassword).toBe(true);
    const discord = await wire.client.settings.setDiscord.mutate({ guildId: FAKE_GUILD, token: TOKEN, apiBase: fake.apiBase, currencies: ['COINS'] });
    expect(discord.tokenSet).toBe(true);
    // The store holds them, encrypted on disk, decrypted only in memory.
    expect(host.store.secretValues()).toEqual(expect.arrayContaining([PASSWORD, TOKEN]));
    const file = await readFile(settingsPath(dataDir), 'utf8');
    expect(file).toMatch(/kf1:/);
    exported['settings file'] = file;
  });

  it('answers a failing connection test, a failed switch and a Discord error in words', async () => {
    const profile = (await wire.client.settings.get.query()).profiles.find((p) => p.name === 'Aurora prod')!;
    const tested = await wire.client.settings.testProfile.mutate({ id: profile.id });
    expect(tested).toMatchObject({ ok: false, problem: 'unreachable' });
    const unsaved = await wire.client.settings.testProfile.mutate({ url: `postgres://aurora:${encodeURIComponent(PASSWORD)}@127.0.0.1:${deadPort}/aurora` });
    expect(unsaved.ok).toBe(false);
    const switched = await rejectionOf(wire.client.settings.switchProfile.mutate({ id: profile.id }));
    expect(switched.code).toBe('SERVICE_UNAVAILABLE');

    // A write that fails at Discord, whose error text carries the Authorization header.
    const refused = await rejectionOf(
      wire.client.lootdrops.spawn.mutate({ idempotencyKey: crypto.randomUUID(), channelId: CHANNEL_RAIDS, amount: '250', currency: 'COINS', lifetimeSeconds: 120 }),
    );
    // Still says what Discord answered, with the header's value taken out.
    expect(refused.message).toMatch(/Discord refused the request \(400\): Invalid Form Body \(sent with Bot \[redacted\]\)/);
    const bare = await rejectionOf(
      wire.client.lootdrops.spawn.mutate({ idempotencyKey: crypto.randomUUID(), channelId: CHANNEL_TAVERN, amount: '250', currency: 'COINS', lifetimeSeconds: 120 }),
    );
    expect(bare.message).toMatch(/Bad token \[redacted\]/);
    expect(fake.requests.some((r) => r.headers.authorization === `Bot ${TOKEN}`)).toBe(true);
    // And one that works, so the audit log and the board have a real row.
    const spawned = await wire.client.lootdrops.spawn.mutate({
      idempotencyKey: crypto.randomUUID(),
      channelId: CHANNEL_LOOTDROPS,
      amount: '500',
      currency: 'COINS',
      lifetimeSeconds: 120,
    });
    expect(spawned.drop.currency).toBe('COINS');
  });

  it('keeps a password given only in AURORA_DATABASE_URL out of everything too', async () => {
    const overrideDir = await mkdtemp(join(tmpdir(), 'aurora-secrets-env-'));
    try {
      const envHost = await createDeskHost({
        dataDir: overrideDir,
        cipher: createKeyFileCipher(overrideDir),
        log,
        seedDemo: false,
        databaseUrlOverride: `postgres://aurora:${OVERRIDE_PASSWORD}@127.0.0.1:${deadPort}/aurora`,
      });
      const envWire = connect(envHost, log);
      try {
        const status = await envWire.client.system.status.query();
        expect(JSON.stringify(status)).toContain(`127.0.0.1:${deadPort}`);
        const write = await rejectionOf(envWire.client.settings.setIdentity.mutate(STAFF).then(() => envWire.client.moderation.exportCsv.query({ queue: 'active' })));
        expect(write.message).toMatch(/No database is open/);
        wire.sent.push(...envWire.sent);
      } finally {
        envWire.stop();
        await envHost.close();
      }
    } finally {
      await rm(overrideDir, { recursive: true, force: true });
    }
  });

  it('reports a crash redacted on stderr, in the dialog and in the log', async () => {
    const processLike = new EventEmitter();
    const remove = installCrashHandlers(
      {
        log,
        secrets: () => host.store.secretValues(),
        write: (line) => crashLines.push(line),
        showError: (title, message) => dialogs.push(`${title}\n${message}`),
      },
      processLike,
    );
    try {
      const error = new Error(`connect ECONNREFUSED for postgres://aurora:${PASSWORD}@db.internal:5432/aurora (token Bot ${TOKEN})`);
      processLike.emit('uncaughtException', error);
      processLike.emit('unhandledRejection', Object.assign(new Error(`password authentication failed; password=${OVERRIDE_PASSWORD}`), { code: '28P01' }));
      processLike.emit('unhandledRejection', `raw string rejection with ${TOKEN}`);
    } finally {
      remove();
    }
    expect(crashLines).toHaveLength(3);
    expect(crashLines[0]).toContain('ECONNREFUSED');
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0]).toContain('db.internal');
  });

  describe.skipIf(!hasPostgres)('on a real PostgreSQL', () => {
    if (!hasPostgres) console.warn(`[secrets on PostgreSQL] skipped: ${noPostgresReason}`);
    let scratch: ScratchDatabase;
    beforeAll(async () => {
      scratch = await createScratchDatabase('postgres');
    }, 60_000);
    afterAll(async () => {
      // Back to the embedded database before the scratch one is dropped.
      await wire.client.settings.switchProfile.mutate({ id: 'embedded' }).catch(() => {});
      await scratch?.drop();
    });

    it('connects with the password, writes, fails a write, and still leaks nothing', async () => {
      const url = new URL(scratch.url!);
      url.username = 'postgres';
      url.password = encodeURIComponent(PASSWORD);
      const profile = await wire.client.settings.saveProfile.mutate({ name: 'Scratch PG', url: url.toString() });
      const switched = await wire.client.settings.switchProfile.mutate({ id: profile.id });
      expect(switched.driver).toBe('pg');
      await wire.client.settings.setIdentity.mutate(STAFF);
      const spawned = await wire.client.lootdrops.spawn.mutate({
        idempotencyKey: crypto.randomUUID(),
        channelId: CHANNEL_LOOTDROPS,
        amount: '750',
        currency: 'COINS',
        lifetimeSeconds: 90,
      });
      expect(spawned.drop.currency).toBe('COINS');
      const refused = await rejectionOf(
        wire.client.lootdrops.spawn.mutate({ idempotencyKey: crypto.randomUUID(), channelId: CHANNEL_RAIDS, amount: '1', currency: 'COINS', lifetimeSeconds: 60 }),
      );
      expect(refused.message).toMatch(/Discord refused the request \(400\): Invalid Form Body \(sent with Bot \[redacted\]\)/);
      const wrongDb = new URL(url);
      wrongDb.pathname = '/aurora_no_such_database';
      const tested = await wire.client.settings.testProfile.mutate({ url: wrongDb.toString() });
      expect(tested.ok).toBe(false);
      exported['audit (postgres)'] = JSON.stringify(superjson.serialize(await wire.client.audit.list.query({ limit: 200 })));
      exported['moderation CSV (postgres)'] = JSON.stringify(await wire.client.moderation.exportCsv.query({ queue: 'active' }));
    });
  });

  it('leaves no plain secret in any output channel', async () => {
    exported['audit'] = JSON.stringify(superjson.serialize(await wire.client.audit.list.query({ limit: 200 })));
    exported['moderation CSV'] = JSON.stringify(await wire.client.moderation.exportCsv.query({ queue: 'active' }));
    exported['quest pack'] = JSON.stringify(await wire.client.quests.exportPack.query({}));
    exported['settings view'] = JSON.stringify(superjson.serialize(await wire.client.settings.get.query()));
    await log.flush();
    const logs = await readLogs(logDir);

    // Each channel was really exercised...
    expect(logs).toMatch(/could not open the database|profile switch failed/);
    expect(logs).toContain('uncaughtException');
    expect((await readdir(logDir)).length).toBeGreaterThan(1); // rotated at least once
    expect(wire.sent.length).toBeGreaterThan(10);
    expect(wire.sent.join('\n')).toMatch(/Could not switch to/);
    expect(exported['audit']).toContain('settings.setDiscord');
    expect(exported['audit']).toContain('lootdrops.spawn');
    expect(crashLines.length + dialogs.length).toBeGreaterThan(0);

    // ...and none of them holds a secret.
    expectNoSecret('the log files', logs);
    expectNoSecret('the messages sent to the renderer', wire.sent.join('\n'));
    expectNoSecret('the crash lines on stderr', crashLines.join('\n'));
    expectNoSecret('the crash dialog', dialogs.join('\n'));
    expectNoSecret('the console and stderr', printed.join('\n'));
    for (const [channel, text] of Object.entries(exported)) expectNoSecret(channel, text);
  });
});
