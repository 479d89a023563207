/**
 * Reads from Discord for display: the channel picker and the claimers' names and avatars.
 * Both are cached per client (a Settings change builds a new client, so a new cache), because
 * the board asks again on every live update.
 */
import type { DiscordUserView, LootdropChannels } from '@shared/domain/lootdrops.js';
import { describeDiscordError, fetchDiscordUser, listGuildTextChannels, type DiscordClient } from '../../core/discord/index.js';
import { deskErrorFromDiscord, type LootdropDiscord } from './discord-access.js';

const CHANNELS_TTL_MS = 5 * 60_000;
const USERS_TTL_MS = 60 * 60_000;

const channelCache = new WeakMap<DiscordClient, LootdropChannels>();
const userCache = new WeakMap<DiscordClient, Map<string, { at: number; user: DiscordUserView | null }>>();

export async function listLootdropChannels(discord: LootdropDiscord, refresh: boolean, now: Date): Promise<LootdropChannels> {
  const cached = channelCache.get(discord.client);
  if (cached && !refresh && now.getTime() - cached.fetchedAt.getTime() < CHANNELS_TTL_MS) return cached;
  try {
    const groups = await listGuildTextChannels(discord.client, discord.guildId);
    const fresh = { groups, fetchedAt: now };
    channelCache.set(discord.client, fresh);
    return fresh;
  } catch (error) {
    throw deskErrorFromDiscord(error, 'The channel list could not be loaded');
  }
}

/** Names and avatars of the given users; unknown ones (deleted accounts) are left out. */
export async function lookUpDiscordUsers(discord: LootdropDiscord, ids: readonly bigint[], now: Date): Promise<DiscordUserView[]> {
  let cache = userCache.get(discord.client);
  if (!cache) userCache.set(discord.client, (cache = new Map()));
  const found: DiscordUserView[] = [];
  for (const id of new Set(ids.map(String))) {
    const hit = cache.get(id);
    if (hit && now.getTime() - hit.at < USERS_TTL_MS) {
      if (hit.user) found.push(hit.user);
      continue;
    }
    try {
      const user = await fetchDiscordUser(discord.client, id);
      cache.set(id, { at: now.getTime(), user });
      found.push(user);
    } catch (error) {
      const kind = describeDiscordError(error).kind;
      if (kind === 'unknown-user' || kind === 'rejected') cache.set(id, { at: now.getTime(), user: null });
      else throw deskErrorFromDiscord(error, 'Discord users could not be looked up');
    }
  }
  return found;
}
