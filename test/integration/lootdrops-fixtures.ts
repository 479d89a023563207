/** Shared pieces of the lootdrop tests: the fake Discord with lootdrop routes, settings, rows. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { createDiscordClient, type DiscordClient } from '../../src/main/core/discord/index.js';
import { silentLogger } from '../../src/main/core/log.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import type { SettingsAccess } from '../../src/main/core/settings-store/settings-access.js';
import { SettingsStore, type DiscordUpdate } from '../../src/main/core/settings-store/store.js';
import { startFakeDiscord, type FakeDiscord } from '../fixtures/fake-discord.js';
import { FAKE_GUILD, installLootdropRoutes, type FakeLootdropDiscord } from '../fixtures/fake-discord-lootdrops.js';

export const NYX = 1300000000000000001n;
export const EMBER = 1300000000000000002n;

export interface LootdropDiscordRig {
  fake: FakeDiscord;
  routes: FakeLootdropDiscord;
  client: DiscordClient;
  /** A client with a token Discord refuses. */
  badTokenClient: DiscordClient;
  close(): Promise<void>;
}

export async function startLootdropDiscord(): Promise<LootdropDiscordRig> {
  const fake = await startFakeDiscord();
  const routes = installLootdropRoutes(fake, {
    users: [{ id: String(NYX), username: 'nyx', global_name: 'Nyx', avatar: 'a1b2c3' }],
  });
  const client = createDiscordClient({ token: fake.token, apiBase: fake.apiBase, guildId: FAKE_GUILD, timeoutMs: 5_000, retries: 1 });
  const badTokenClient = createDiscordClient({ token: 'not-the-token', apiBase: fake.apiBase, guildId: FAKE_GUILD, timeoutMs: 5_000, retries: 0 });
  return {
    fake,
    routes,
    client,
    badTokenClient,
    async close() {
      client.destroy();
      badTokenClient.destroy();
      await fake.close();
    },
  };
}

/** Real settings (a store in a temp folder) with the given Discord fields, for the config. */
export async function settingsWith(update: Omit<DiscordUpdate, 'guildId'>): Promise<{ settings: SettingsAccess; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'aurora-lootdrops-'));
  const store = await SettingsStore.load(dir, createKeyFileCipher(dir), silentLogger);
  await store.setDiscord({ guildId: BigInt(FAKE_GUILD), ...update });
  // Lootdrops read only `store` from the settings host.
  return { settings: { store } as unknown as SettingsAccess, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function insertPlayer(database: AuroraDatabase, id: bigint, username: string): Promise<void> {
  await database.query(`INSERT INTO users (id, username) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [String(id), username]);
}

export interface DropSeed {
  messageId: string;
  channelId: string;
  amount?: number;
  currency?: string;
  claimedBy?: bigint | null;
  createdAt: Date;
  expiresAt?: Date | null;
}

/** A drop as the bot would have written it (times as UTC, like the bot's zoneless columns). */
export async function insertDrop(database: AuroraDatabase, drop: DropSeed): Promise<void> {
  await database.query(
    `INSERT INTO lootdrops (message_id, channel_id, reward_amount, currency, claimed_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5::bigint, ($6::timestamptz AT TIME ZONE 'UTC'), ($7::timestamptz AT TIME ZONE 'UTC'))`,
    [
      drop.messageId,
      drop.channelId,
      drop.amount ?? 100,
      drop.currency ?? 'COINS',
      drop.claimedBy === undefined || drop.claimedBy === null ? null : String(drop.claimedBy),
      drop.createdAt.toISOString(),
      drop.expiresAt ? drop.expiresAt.toISOString() : null,
    ],
  );
}

export async function dropRows(database: AuroraDatabase): Promise<{ message_id: string; claimed_by: string | null; expires_at: string | null }[]> {
  const { rows } = await database.query<{ message_id: string; claimed_by: string | null; expires_at: string | null }>(
    `SELECT message_id, claimed_by::text AS claimed_by, to_char(expires_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS expires_at FROM lootdrops ORDER BY created_at, message_id`,
  );
  return rows;
}

export async function spawnRows(database: AuroraDatabase): Promise<Record<string, unknown>[]> {
  const { rows } = await database.query(`SELECT * FROM aurora_desk.lootdrop_spawns ORDER BY spawned_at, message_id`);
  return rows;
}

/** The requests the fake got, as "METHOD /path". */
export const routesOf = (fake: FakeDiscord) => fake.requests.map((r) => `${r.method} ${r.path}`);

/** Each test starts from no drops, spawns, cancels, claims or bursts. */
export async function clearLootdrops(database: AuroraDatabase): Promise<void> {
  await database.query(`DELETE FROM aurora_desk.lootdrop_spawns`);
  await database.query(`DELETE FROM aurora_desk.lootdrop_cancels`);
  await database.query(`DELETE FROM aurora_desk.lootdrop_claims`);
  await database.query(`DELETE FROM aurora_desk.lootdrop_bursts`);
  await database.query(`DELETE FROM lootdrops`);
}
