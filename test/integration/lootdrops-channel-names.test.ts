/**
 * Channel names the desk remembers: what the channel list and a lookup by ID answered is kept in
 * aurora_desk, and read back when Discord is not configured or cannot be reached, so the lootdrop
 * screens show `#name` instead of a bare ID.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DeskServices } from '../../src/main/core/services.js';
import { createDiscordClient, type DiscordClient } from '../../src/main/core/discord/index.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { CHANNEL_LOOTDROPS, CHANNEL_NEWS, CHANNEL_TAVERN, FAKE_GUILD } from '../fixtures/fake-discord-lootdrops.js';
import { callerFor, createTestServices, stopServices } from '../fixtures/services.js';
import { startLootdropDiscord, type LootdropDiscordRig } from '../fixtures/lootdrops-world.js';
import { unusedPort } from '../fixtures/ports.js';

describeOnBothDrivers('remembered channel names', (current) => {
  let rig: LootdropDiscordRig;
  let unreachable: DiscordClient;
  const desks: DeskServices[] = [];

  beforeAll(async () => {
    rig = await startLootdropDiscord();
    // Nothing listens there: every call fails as a network failure.
    unreachable = createDiscordClient({ token: rig.fake.token, apiBase: `http://127.0.0.1:${await unusedPort()}/api`, guildId: FAKE_GUILD, timeoutMs: 2_000, retries: 0 });
  });
  afterAll(async () => {
    await Promise.all(desks.map(stopServices));
    unreachable?.destroy();
    await rig.close();
  });

  const desk = (discord: DiscordClient | null) => {
    const services = createTestServices(current().database, { discord });
    desks.push(services);
    return callerFor(services);
  };

  it('keeps the names the channel list gave, and answers them without Discord', async () => {
    expect(await desk(null).lootdrops.knownChannels()).toEqual([]);
    await desk(rig.client).lootdrops.channels({ refresh: true });
    const { rows } = await current().database.query<{ channel_id: string; guild_id: string; name: string }>(
      `SELECT channel_id, guild_id, name FROM aurora_desk.discord_channel_names ORDER BY channel_id`,
    );
    expect(rows).toContainEqual({ channel_id: CHANNEL_LOOTDROPS, guild_id: FAKE_GUILD, name: 'lootdrops' });
    expect(rows).toContainEqual({ channel_id: CHANNEL_NEWS, guild_id: FAKE_GUILD, name: 'announcements' });

    const offline = desk(null);
    expect(await offline.lootdrops.channelNames({ ids: [CHANNEL_LOOTDROPS, CHANNEL_TAVERN, '1400000000000009999'] })).toEqual(
      expect.arrayContaining([
        { id: CHANNEL_LOOTDROPS, name: 'lootdrops' },
        { id: CHANNEL_TAVERN, name: 'tavern' },
      ]),
    );
    expect((await offline.lootdrops.knownChannels()).map((c) => c.name).sort()).toEqual(['announcements', 'lootdrops', 'raids', 'tavern']);
  });

  it('answers the remembered names when Discord cannot be reached, and says why the list failed in plain words', async () => {
    const names = await desk(unreachable).lootdrops.channelNames({ ids: [CHANNEL_TAVERN] });
    expect(names).toEqual([{ id: CHANNEL_TAVERN, name: 'tavern' }]);
    const failure = await desk(unreachable)
      .lootdrops.channels({ refresh: true })
      .then(
        () => null,
        (error: Error) => error,
      );
    expect(failure?.message).toMatch(/^The channel list could not be loaded: Discord could not be reached: /);
    expect(failure?.message).not.toMatch(/ECONNREFUSED|getaddrinfo|fetch failed/);
  });

  it('writes over a stale name the next time Discord names the channel', async () => {
    await current().database.query(`UPDATE aurora_desk.discord_channel_names SET name = 'old-name' WHERE channel_id = $1`, [CHANNEL_TAVERN]);
    expect(await desk(null).lootdrops.channelNames({ ids: [CHANNEL_TAVERN] })).toEqual([{ id: CHANNEL_TAVERN, name: 'old-name' }]);
    await desk(rig.client).lootdrops.channels({ refresh: true });
    expect(await desk(null).lootdrops.channelNames({ ids: [CHANNEL_TAVERN] })).toEqual([{ id: CHANNEL_TAVERN, name: 'tavern' }]);
  });
});
