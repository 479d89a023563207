/**
 * Reads from Discord for display: the channel picker and the claimers' names and avatars.
 * Both are kept per client (a Settings change builds a new client, so starts afresh), because
 * the board asks again on every live update.
 */
import type { DiscordChannelName, DiscordUserView, LootdropChannels } from '@shared/domain/lootdrops.js';
import {
  describeDiscordError,
  deskErrorFromDiscord,
  fetchChannelName,
  fetchDiscordUser,
  listGuildTextChannels,
  type DiscordClient,
  type DiscordTarget,
} from '../../core/discord/index.js';
import { timedCache } from '../../core/timed-cache.js';

const channelCache = timedCache<DiscordClient, LootdropChannels>({ ttlMs: 5 * 60_000, max: 1 });
/** null: Discord does not know the user (a deleted account); asked again after the hour too. */
const userCache = timedCache<DiscordClient, { user: DiscordUserView | null }>({ ttlMs: 60 * 60_000, max: 5_000 });

/** Called with the names Discord has just given (to keep them for when it cannot be asked). */
export type RememberNames = (names: DiscordChannelName[]) => Promise<void>;

export async function listLootdropChannels(discord: DiscordTarget, refresh: boolean, now: Date, remember?: RememberNames): Promise<LootdropChannels> {
  const cached = refresh ? undefined : channelCache.get(discord.client, discord.guildId);
  if (cached) return cached;
  try {
    const fresh = { groups: await listGuildTextChannels(discord.client, discord.guildId), fetchedAt: now };
    channelCache.set(discord.client, discord.guildId, fresh);
    await remember?.(fresh.groups.flatMap((group) => group.channels.map((c) => ({ id: c.id, name: c.name }))));
    return fresh;
  } catch (error) {
    throw deskErrorFromDiscord(error, 'The channel list could not be loaded');
  }
}

/** null: Discord does not show the bot that channel (deleted, or a server it left). */
const channelNameCache = timedCache<DiscordClient, { name: string | null }>({ ttlMs: 60 * 60_000, max: 1_000 });

/**
 * Names of channels by ID, for drops in channels the server's list does not name (a drop from
 * before the server changed in Settings). Ones Discord does not show the bot are left out.
 */
export async function lookUpChannelNames(discord: DiscordTarget, ids: readonly bigint[], remember?: RememberNames): Promise<DiscordChannelName[]> {
  const found: DiscordChannelName[] = [];
  const fresh: DiscordChannelName[] = [];
  for (const id of new Set(ids.map(String))) {
    let hit = channelNameCache.get(discord.client, id);
    if (!hit) {
      try {
        hit = { name: await fetchChannelName(discord.client, id) };
        if (hit.name) fresh.push({ id, name: hit.name });
      } catch (error) {
        const status = describeDiscordError(error).status;
        if (status !== 403 && status !== 404) throw deskErrorFromDiscord(error, 'Channel names could not be looked up');
        hit = { name: null };
      }
      channelNameCache.set(discord.client, id, hit);
    }
    if (hit.name) found.push({ id, name: hit.name });
  }
  await remember?.(fresh);
  return found;
}

/** Names and avatars of the given users; unknown ones (deleted accounts) are left out. */
export async function lookUpDiscordUsers(discord: DiscordTarget, ids: readonly bigint[]): Promise<DiscordUserView[]> {
  const found: DiscordUserView[] = [];
  for (const id of new Set(ids.map(String))) {
    const hit = userCache.get(discord.client, id);
    if (hit) {
      if (hit.user) found.push(hit.user);
      continue;
    }
    try {
      const user = await fetchDiscordUser(discord.client, id);
      userCache.set(discord.client, id, { user });
      found.push(user);
    } catch (error) {
      const kind = describeDiscordError(error).kind;
      if (kind === 'unknown-user' || kind === 'rejected') userCache.set(discord.client, id, { user: null });
      else throw deskErrorFromDiscord(error, 'Discord users could not be looked up');
    }
  }
  return found;
}
