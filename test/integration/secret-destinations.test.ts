/**
 * A secret goes only where it was entered for. A staff member who uses a desk but was never told
 * the bot token or the database password cannot point the desk elsewhere and have it send them:
 * a changed Discord API address forgets the stored token, a profile that now points at another
 * server (host, port, user, database) forgets its stored password, unless the secret is entered
 * again in the same save. In an installed app the API address is Discord's unless a switch,
 * off by default, allows another; settings changes, tests of a connection included, are audited
 * with or without a staff identity.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { startFakePostgres, type FakePostgres } from '../fixtures/fake-postgres.js';
import { recordingLogger } from '../fixtures/logger.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { callerFor } from '../fixtures/services.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMw.Gx7Ab9.bound-to-its-api-address-token';
const PASSWORD = 'Bound-To-Its-Server_pw!9';
const GUILD = '987654321098765432';

async function startHost(packaged: boolean): Promise<{ host: DeskHost; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aurora-secrets-bound-'));
  const host = await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log: recordingLogger(), seedDemo: false, packaged });
  return { host, dataDir };
}

async function auditedProcedures(host: DeskHost): Promise<{ procedure: string; actorId: bigint | null; input: unknown }[]> {
  const { entries } = await callerFor(host).audit.list({ limit: 200 });
  return entries.map((e) => ({ procedure: e.procedure, actorId: e.actorId, input: e.input }));
}

describe('secrets bound to where they were entered for', () => {
  let desk: { host: DeskHost; dataDir: string };
  let discord: FakeDiscord;
  let elsewhere: FakeDiscord;
  let postgres: FakePostgres;

  beforeAll(async () => {
    [desk, discord, elsewhere, postgres] = await Promise.all([startHost(false), startFakeDiscord({ token: TOKEN }), startFakeDiscord(), startFakePostgres()]);
  });
  afterAll(async () => {
    await Promise.all([desk.host.close(), discord.close(), elsewhere.close(), postgres.close()]);
    await rm(desk.dataDir, { recursive: true, force: true });
  });

  it('forgets the bot token when the API address changes without it, and sends it nowhere', async () => {
    const caller = callerFor(desk.host);
    await caller.settings.setDiscord({ guildId: GUILD, token: TOKEN, apiBase: discord.apiBase });
    expect(desk.host.store.discord().token).toBe(TOKEN);

    const moved = await caller.settings.setDiscord({ guildId: GUILD, apiBase: elsewhere.apiBase });
    expect(moved).toMatchObject({ tokenSet: false, apiBase: elsewhere.apiBase });
    expect(desk.host.store.discord().token).toBeNull();
    const refused = await rejectionOf(caller.lootdrops.channels({ refresh: true }));
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', data: { precondition: 'discord' } });
    expect(elsewhere.requests).toEqual([]);

    // Entered again in the same save, it goes to the new address (the one it was entered for).
    await caller.settings.setDiscord({ guildId: GUILD, apiBase: discord.apiBase, token: TOKEN });
    expect(desk.host.store.discord()).toMatchObject({ token: TOKEN, apiBase: discord.apiBase });
    // A save that keeps the address keeps the token; a trailing slash is the same address.
    await caller.settings.setDiscord({ guildId: GUILD, apiBase: `${discord.apiBase}/` });
    expect(desk.host.store.discord().token).toBe(TOKEN);
  });

  it('forgets a profile password when the profile points at another server, and the test sends none', async () => {
    const caller = callerFor(desk.host);
    const saved = await caller.settings.saveProfile({ name: 'Bot database', url: 'postgres://aurora_desk@127.0.0.1:5432/aurora', password: PASSWORD });
    expect(saved.hasPassword).toBe(true);

    const renamed = await caller.settings.saveProfile({ id: saved.id, name: 'Bot database (prod)', url: 'postgres://aurora_desk@127.0.0.1:5432/aurora' });
    expect(renamed.hasPassword).toBe(true);

    const moved = await caller.settings.saveProfile({ id: saved.id, name: 'Bot database (prod)', url: `postgres://aurora_desk@127.0.0.1:${postgres.port}/aurora` });
    expect(moved.hasPassword).toBe(false);
    const tested = await caller.settings.testProfile({ id: saved.id });
    expect(tested.ok).toBe(false);
    // The other server was reached and asked for the password: it got none of the stored one.
    expect(postgres.startups).toBeGreaterThan(0);
    expect(postgres.passwords.filter((p) => p !== '')).toEqual([]);
  });

  it.each([
    ['the port', 'postgres://aurora_desk@127.0.0.1:5433/aurora'],
    ['the user', 'postgres://someone_else@127.0.0.1:5432/aurora'],
    ['the database', 'postgres://aurora_desk@127.0.0.1:5432/another'],
    ['the host, through ?host=', 'postgres://aurora_desk@127.0.0.1:5432/aurora?host=evil.example'],
  ])('forgets it when %s changes', async (_what, url) => {
    const caller = callerFor(desk.host);
    const saved = await caller.settings.saveProfile({ name: 'Moving target', url: 'postgres://aurora_desk@127.0.0.1:5432/aurora', password: PASSWORD });
    expect((await caller.settings.saveProfile({ id: saved.id, name: 'Moving target', url })).hasPassword).toBe(false);
    const again = await caller.settings.saveProfile({ id: saved.id, name: 'Moving target', url, password: PASSWORD });
    expect(again.hasPassword).toBe(true);
  });

  it('audits every settings change and every connection test, naming nobody while no identity is set', async () => {
    const rows = await auditedProcedures(desk.host);
    const procedures = new Set(rows.map((r) => r.procedure));
    for (const p of ['settings.setDiscord', 'settings.saveProfile', 'settings.testProfile']) expect(procedures, p).toContain(p);
    expect(rows.every((r) => r.actorId === null)).toBe(true);
    expect(JSON.stringify(rows.map((r) => r.input))).not.toContain(PASSWORD);
    expect(JSON.stringify(rows.map((r) => r.input))).not.toContain(TOKEN);

    await callerFor(desk.host).settings.setIdentity({ id: '1100000000000000077', name: 'Warden Ilse' });
    await callerFor(desk.host).settings.setTheme({ theme: 'light' });
    const [latest] = await auditedProcedures(desk.host);
    expect(latest).toMatchObject({ procedure: 'settings.setTheme', actorId: 1100000000000000077n });
  });
});

describe('the Discord API address in an installed app', () => {
  let desk: { host: DeskHost; dataDir: string };
  let discord: FakeDiscord;

  beforeAll(async () => {
    [desk, discord] = await Promise.all([startHost(true), startFakeDiscord({ token: TOKEN })]);
  });
  afterAll(async () => {
    await Promise.all([desk.host.close(), discord.close()]);
    await rm(desk.dataDir, { recursive: true, force: true });
  });

  it('stays Discord unless the custom-address switch is on, and the switch is audited', async () => {
    const caller = callerFor(desk.host);
    expect((await caller.settings.get()).discord).toMatchObject({ apiBaseEditable: false, allowCustomApiBase: false });
    const refused = await rejectionOf(caller.settings.setDiscord({ guildId: GUILD, token: TOKEN, apiBase: discord.apiBase }));
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', data: { fieldErrors: { apiBase: [expect.stringContaining('Allow a custom Discord API address')] } } });
    expect(desk.host.store.discord()).toMatchObject({ token: null, apiBase: null });

    const allowed = await caller.settings.setDiscord({ guildId: GUILD, token: TOKEN, apiBase: discord.apiBase, allowCustomApiBase: true });
    expect(allowed).toMatchObject({ apiBase: discord.apiBase, allowCustomApiBase: true, apiBaseEditable: true, tokenSet: true });
    expect(desk.host.discord.status()).toMatchObject({ configured: true });
    const [switched] = (await auditedProcedures(desk.host)).filter((r) => r.procedure === 'settings.setDiscord' && (r.input as { allowCustomApiBase?: boolean }).allowCustomApiBase === true);
    expect(switched).toBeDefined();

    // Off again: back to Discord itself, and the token entered for the custom address is gone.
    const off = await caller.settings.setDiscord({ guildId: GUILD, allowCustomApiBase: false });
    expect(off).toMatchObject({ apiBase: null, allowCustomApiBase: false, apiBaseEditable: false, tokenSet: false });
  });
});
