import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import type { DiscordUserView } from '@shared/domain/lootdrops';

/** Who claimed a drop: avatar (initials without Discord), name, the ID on hover. */
export function Claimer({ id, name, user }: { id: bigint; name: string | null; user: DiscordUserView | undefined }) {
  const shown = name ?? user?.globalName ?? user?.username ?? null;
  return (
    <Tooltip label={`Discord ID ${id.toString()}`} withArrow>
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
        <Avatar src={user?.avatarUrl ?? null} size={20} radius="xl" alt="" color="aurora">
          {(shown ?? '?').slice(0, 1).toUpperCase()}
        </Avatar>
        <Text span size="sm" truncate="end" c={shown ? undefined : 'dimmed'}>
          {shown ?? id.toString()}
        </Text>
      </Group>
    </Tooltip>
  );
}
