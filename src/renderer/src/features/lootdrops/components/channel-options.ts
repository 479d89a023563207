import type { ComboboxData } from '@mantine/core';
import type { DiscordChannelGroup } from '@shared/domain/lootdrops';

/** Channel groups as Mantine's grouped Select data: "#name" under its category. */
export function channelOptions(groups: readonly DiscordChannelGroup[] | undefined): ComboboxData {
  return (groups ?? []).map((group) => ({
    group: group.categoryName ?? 'No category',
    items: group.channels.map((channel) => ({ value: channel.id, label: `#${channel.name}${channel.type === 5 ? ' (announcements)' : ''}` })),
  }));
}
