import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PlayerProfile } from '@shared/domain/players';
import { formatUtc } from '@renderer/lib/format';
import { Missing } from '@renderer/components/Missing';
import classes from './players.module.css';

function AccountFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** The row's remaining fields: the player's settings JSON and the exact timestamps. */
export function AccountTab({ profile }: { profile: PlayerProfile }) {
  return (
    <Stack gap="md" p="md">
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm" maw={900}>
        <AccountFact label="Created">{formatUtc(profile.createdAt)}</AccountFact>
        <AccountFact label="Last updated">{formatUtc(profile.updatedAt)}</AccountFact>
        <AccountFact label="Active flag">{profile.isActive === null ? <Missing reason="no active flag recorded (NULL)" /> : profile.isActive ? 'true' : 'false'}</AccountFact>
        <AccountFact label="Counts">
          {profile.counts.itemKinds} item kinds · {profile.counts.quests} quests · {profile.counts.timers} timers
        </AccountFact>
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
