import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { describeError } from '@renderer/lib/errors';

/**
 * A failed action, in place: a CONFLICT says who changed the case and when, and shows their
 * version beside what the moderator typed (which stays in the form).
 */
export function ActionError({ error, yours, field = 'reason' }: { error: unknown; yours?: string; field?: 'reason' }) {
  if (!error) return null;
  const view = describeError(error);
  const current = view.conflict?.current as Record<string, unknown> | undefined;
  const theirs = current && field in current ? (current[field] as string | null) : undefined;
  return (
    <Alert color={view.kind === 'conflict' ? 'yellow' : 'red'} icon={<IconGitCompare size={16} />} title={view.title} data-testid="action-error">
      <Stack gap={6}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {view.message}
        </Text>
        {theirs !== undefined && yours !== undefined ? (
          <SimpleGrid cols={2} spacing="xs">
            <Stack gap={2}>
              <Text size="xs" fw={700} c="dimmed">
                Now in the case
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {theirs ?? '(no reason)'}
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" fw={700} c="dimmed">
                Yours
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {yours || '(no reason)'}
              </Text>
            </Stack>
          </SimpleGrid>
        ) : null}
      </Stack>
    </Alert>
  );
}
