/**
 * Reads from Discord for display: the channel picker and the claimers' names and avatars.
 * Both are kept per client (a Settings change builds a new client, so starts afresh), because
 * the board asks again on every live update.
 */
import type { DiscordUserView, LootdropChannels } from '@shared/domain/lootdrops.js';
import {
  describeDiscordError,
  deskErrorFromDiscord,
  fetchDiscordUser,
  listGuildTextChannels,
  type DiscordClient,
  type DiscordTarget,
} from '../../core/discord/index.js';
import { timedCache } from '../../core/timed-cache.js';

const channelCache = timedCache<DiscordClient, LootdropChannels>({ ttlMs: 5 * 60_000, max: 1 });
/** null: Discord does not know the user (a deleted account); asked again after the hour too. */
const userCache = timedCache<DiscordClient, { user: DiscordUserView | null }>({ ttlMs: 60 * 60_000, max: 5_000 });

export async function listLootdropChannels(discord: DiscordTarget, refresh: boolean, now: Date): Promise<LootdropChannels> {
  const cached = refresh ? undefined : channelCache.get(discord.client, discord.guildId);
  if (cached) return cached;
  try {
    const fresh = { groups: await listGuildTextChannels(discord.client, discord.guildId), fetchedAt: now };
    channelCache.set(discord.client, discord.guildId, fresh);
    return fresh;
  } catch (error) {
    throw deskErrorFromDiscord(error, 'The channel list could not be loaded');
  }
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
