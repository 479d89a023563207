import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { PlayerProfile } from '@shared/domain/players';
import { formatUtc } from '@renderer/lib/format';
import classes from './players.module.css';

/** The row's remaining fields: the player's settings JSON and the exact timestamps. */
export function AccountTab({ profile }: { profile: PlayerProfile }) {
  return (
    <Stack gap="md" p="md">
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" maw={900}>
        <div>
          <Text size="xs" c="dimmed">
            Created
          </Text>
          <Text size="sm">{formatUtc(profile.createdAt)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Last updated
          </Text>
          <Text size="sm">{formatUtc(profile.updatedAt)}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Active flag
          </Text>
          <Text size="sm">{profile.isActive ? 'true' : 'false'}</Text>
        </div>
        <div>
          <Text size="xs" c="dimmed">
            Counts
          </Text>
          <Text size="sm">
            {profile.counts.itemKinds} item kinds · {profile.counts.quests} quests · {profile.counts.timers} timers
          </Text>
        </div>
      </SimpleGrid>
      <div>
        <Text size="xs" c="dimmed" mb={4}>
          Settings (JSON, as the bot stores it)
        </Text>
        <pre className={classes.raw} data-testid="player-settings">
          {JSON.stringify(profile.settings, null, 2)}
        </pre>
      </div>
    </Stack>
  );
}
