import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconBrandDiscord, IconSettings } from '@tabler/icons-react';
import { navigate } from '@renderer/lib/router';

/** Where the spawn form would be: what is missing and the way to fix it. */
export function DiscordMissing({ reason }: { reason: string }) {
  // The title already says "not configured"; the body says what to add.
  const rest = reason.replace(/^Discord is not configured:\s*/, '');
  const detail = rest.charAt(0).toUpperCase() + rest.slice(1);
  return (
    <Alert variant="light" color="yellow" icon={<IconBrandDiscord size={18} />} title="Discord is not configured: Settings → Discord" data-testid="lootdrops-discord-missing">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{detail}</Text>
        <Text size="xs" c="dimmed">
          Spawning and bursts post through the bot&apos;s token. The board, history and stats keep working from the database.
        </Text>
        <Button size="xs" variant="light" leftSection={<IconSettings size={14} />} onClick={() => navigate({ area: 'settings', search: { section: 'discord' } })}>
          Open Settings → Discord
        </Button>
      </Stack>
    </Alert>
  );
}
