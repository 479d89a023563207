import type { ComboboxData } from '@mantine/core';
import type { DiscordChannelGroup } from '@shared/domain/lootdrops';

/** Channel groups as Mantine's grouped Select data: "#name" under its category. */
export function channelOptions(groups: readonly DiscordChannelGroup[] | undefined): ComboboxData {
  return (groups ?? []).map((group) => ({
    group: group.categoryName ?? 'No category',
    items: group.channels.map((channel) => ({ value: channel.id, label: `#${channel.name}${channel.type === 5 ? ' (announcements)' : ''}` })),
  }));
}

/** The options, with "channel <ID>" added when what was typed is a channel ID the list does not have. */
export function withTypedChannelId(options: ComboboxData, typed: string): ComboboxData {
  const id = typed.trim();
  if (!/^\d{15,20}$/.test(id)) return options;
  const listed = options.some((group) => typeof group === 'object' && 'items' in group && group.items.some((item) => typeof item === 'object' && 'value' in item && item.value === id));
  return listed ? options : [...options, { group: 'Typed ID', items: [{ value: id, label: `channel ${id}` }] }];
}
