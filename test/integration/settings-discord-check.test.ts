/**
 * Saving Settings → Discord tries the settings at once, against the fake Discord: the bot the
 * token belongs to, the server's name, and which of the permissions the desk uses the bot lacks
 * there (@everyone's and its role's; Administrator grants all); a guild the bot is not in and a
 * token Discord refuses are said in words, and the settings are saved all the same.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { DESK_PERMISSIONS, FAKE_BOT_ID, installGuildRoutes, type FakeGuild } from '../fixtures/fake-discord-guild.js';
import { recordingLogger } from '../fixtures/logger.js';
import { callerFor } from '../fixtures/services.js';

const GUILD = '1400000000000000001';
const TOKEN = 'MTQwMDAwMDAwMDAwMDAwOTAw.Gx7Ab9.the-fake-bot-token';

describe('saving the Discord settings tries them', () => {
  let host: DeskHost;
  let dataDir: string;
  let fake: FakeDiscord;
  let guild: FakeGuild;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'aurora-discord-check-'));
    host = await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log: recordingLogger(), seedDemo: false });
    fake = await startFakeDiscord({ token: TOKEN });
    guild = installGuildRoutes(fake, { guildId: GUILD, name: 'Aurora Test Realm', botName: 'aurora-bot' });
  });
  afterAll(async () => {
    await host?.close();
    await fake?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    fake.reset();
    guild.botPermissions = DESK_PERMISSIONS;
    guild.everyonePermissions = PermissionFlagsBits.ViewChannel;
  });

  const save = (overrides: { guildId?: string; token?: string } = {}) =>
    callerFor(host).settings.setDiscord({ guildId: overrides.guildId ?? GUILD, token: overrides.token ?? fake.token, apiBase: fake.apiBase });

  it('names the bot and the server, and finds nothing missing when the bot role has it all', async () => {
    const saved = await save();
    expect(saved.check).toEqual({ bot: { id: FAKE_BOT_ID, name: 'aurora-bot' }, guild: { id: GUILD, name: 'Aurora Test Realm' }, missing: [], problem: null });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /users/@me', `GET /guilds/${GUILD}`, `GET /guilds/${GUILD}/members/${FAKE_BOT_ID}`]);
  });

  it('lists the permissions the bot lacks, counting @everyone and Administrator', async () => {
    guild.botPermissions = PermissionFlagsBits.SendMessages;
    guild.everyonePermissions = PermissionFlagsBits.KickMembers;
    expect((await save()).check?.missing).toEqual(['Manage Messages', 'Ban Members', 'Moderate Members']);
    guild.botPermissions = PermissionFlagsBits.Administrator;
    expect((await save()).check?.missing).toEqual([]);
  });

  it('says so when the bot is not in that server, and keeps the settings', async () => {
    const other = '1400000000000000009';
    const saved = await save({ guildId: other });
    expect(saved.guildId).toBe(BigInt(other));
    expect(saved.check).toMatchObject({ bot: { name: 'aurora-bot' }, guild: null, missing: [] });
    expect(saved.check?.problem).toMatch(/not in a server with ID 1400000000000000009.*Unknown Guild/);
  });

  it('says so when Discord refuses the token', async () => {
    const saved = await save({ token: `${TOKEN}-not` });
    expect(saved.tokenSet).toBe(true);
    expect(saved.check).toMatchObject({ bot: null, guild: null });
    expect(saved.check?.problem).toMatch(/rejected the bot token/);
  });

  it('tests the saved settings again on demand, without saving anything', async () => {
    await save();
    const saved = host.store.current().discord;
    fake.reset();
    guild.botPermissions = PermissionFlagsBits.SendMessages;
    const tested = await callerFor(host).settings.testDiscord();
    expect(tested).toEqual({ bot: { id: FAKE_BOT_ID, name: 'aurora-bot' }, guild: { id: GUILD, name: 'Aurora Test Realm' }, missing: ['Manage Messages', 'Ban Members', 'Moderate Members', 'Kick Members'], problem: null });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /users/@me`, `GET /guilds/${GUILD}`, `GET /guilds/${GUILD}/members/${FAKE_BOT_ID}`]);
    expect(host.store.current().discord).toEqual(saved);
    await save({ token: `${TOKEN}-not` });
    expect((await callerFor(host).settings.testDiscord())?.problem).toMatch(/rejected the bot token/);
  });
});
