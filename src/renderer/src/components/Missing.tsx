/**
 * A value the bot's database holds as NULL: a dimmed "—" that says why on hover ("no balance
 * recorded"). Never a 0, an empty name or a guess in its place.
 */
import { Text, Tooltip, type MantineSize } from '@mantine/core';

export function Missing({ reason, size = 'sm' }: { reason: string; size?: MantineSize }) {
  return (
    <Tooltip label={reason} withArrow openDelay={300}>
      <Text span size={size} c="dimmed" data-missing={reason} aria-label={reason}>
        —
      </Text>
    </Tooltip>
  );
}
