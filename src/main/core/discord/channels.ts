/**
 * The server's channels a lootdrop can go to, grouped by category the way Discord's sidebar
 * shows them (uncategorised first, then categories by position).
 */
import { ChannelType, Routes, type APIGuildChannel, type GuildChannelType } from 'discord-api-types/v10';
import type { DiscordChannelGroup } from '@shared/domain/lootdrops.js';
import type { DiscordClient, Snowflakeish } from './client.js';

/** Channels a bot can post a message with a button into. */
const POSTABLE: readonly number[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

type GuildChannel = APIGuildChannel<GuildChannelType> & { position?: number };

/** One channel's name, by its ID (any server the bot is in). */
export async function fetchChannelName(client: DiscordClient, channelId: Snowflakeish): Promise<string> {
  const channel = await client.call((rest) => rest.get(Routes.channel(channelId.toString())) as Promise<{ name?: string | null }>);
  return channel.name ?? channelId.toString();
}

export async function listGuildTextChannels(client: DiscordClient, guildId: Snowflakeish): Promise<DiscordChannelGroup[]> {
  const channels = await client.call((rest) => rest.get(Routes.guildChannels(guildId.toString())) as Promise<GuildChannel[]>);
  return groupChannelsByCategory(channels);
}

const byPosition = (a: GuildChannel, b: GuildChannel) => (a.position ?? 0) - (b.position ?? 0) || compareIds(a.id, b.id);
const compareIds = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

export function groupChannelsByCategory(channels: readonly GuildChannel[]): DiscordChannelGroup[] {
  const categories = channels.filter((c) => c.type === ChannelType.GuildCategory).sort(byPosition);
  const postable = channels.filter((c) => POSTABLE.includes(c.type)).sort(byPosition);
  const option = (c: GuildChannel) => ({ id: c.id, name: c.name ?? c.id, type: c.type as number });
  const known = new Set(categories.map((c) => c.id));
  const groups: DiscordChannelGroup[] = [];
  const loose = postable.filter((c) => !c.parent_id || !known.has(c.parent_id));
  if (loose.length) groups.push({ categoryId: null, categoryName: null, channels: loose.map(option) });
  for (const category of categories) {
    const inside = postable.filter((c) => c.parent_id === category.id);
    if (inside.length) groups.push({ categoryId: category.id, categoryName: category.name ?? category.id, channels: inside.map(option) });
  }
  return groups;
}
