import { Box, Button, Group, Text } from '@mantine/core';
import { formatAmount } from '@renderer/lib/format';
import { formatDuration } from '../format';
import classes from './lootdrops.module.css';

export interface DropPreviewProps {
  amount: string | null;
  currency: string;
  lifetimeSeconds: number;
  channel: string | null;
  customId: string;
}

/** Roughly what players will see in the channel: the embed and its claim button. */
export function DropPreview({ amount, currency, lifetimeSeconds, channel, customId }: DropPreviewProps) {
  const reward = amount ? `${formatAmount(BigInt(amount))} ${currency}` : `… ${currency}`;
  return (
    <Box className={classes.preview} data-testid="lootdrop-preview">
      <Text size="xs" c="dimmed" mb={4}>
        Preview{channel ? ` in ${channel}` : ''}
      </Text>
      <Box className={classes.embed}>
        <Text fw={700} size="sm">
          A lootdrop appeared!
        </Text>
        <Text size="sm">
          <b>{reward}</b> for whoever claims it first.
        </Text>
        <Group gap="xl" mt={6}>
          <Box>
            <Text size="xs" fw={700}>
              Reward
            </Text>
            <Text size="xs">{reward}</Text>
          </Box>
          <Box>
            <Text size="xs" fw={700}>
              Expires
            </Text>
            <Text size="xs">in {formatDuration(lifetimeSeconds * 1000)}</Text>
          </Box>
        </Group>
      </Box>
      <Group gap={6} mt={6} wrap="nowrap">
        <Button size="compact-xs" color="green" tabIndex={-1} style={{ pointerEvents: 'none' }}>
          Claim
        </Button>
        <Text size="xs" c="dimmed" ff="monospace" truncate="end">
          custom_id: {customId}
        </Text>
      </Group>
    </Box>
  );
}
