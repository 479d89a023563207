/** How often this player met moderation, by type, and the way into the queue filtered on them. */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconExternalLink, IconShieldCheck } from '@tabler/icons-react';
import { EmptyState } from '@renderer/components/EmptyState';
import { Missing } from '@renderer/components/Missing';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { navigate } from '@renderer/lib/router';
import { useModerationSummary } from '../api';

/** UX.md's case colours: warn amber, timeout orange, kick red-orange, ban red, note grey. */
const CASE_COLORS: Record<string, string> = { warn: 'yellow', timeout: 'orange', kick: 'red', ban: 'red', note: 'gray' };

export function caseColor(type: string): string {
  return CASE_COLORS[type.toLowerCase()] ?? 'dark';
}

/** The moderation queue, every case (open or resolved), filtered on this Discord ID. */
export function openModerationFor(playerId: bigint): void {
  navigate({ area: 'moderation', rest: ['recent'], search: { target: playerId.toString() } });
}

export function ModerationTab({ playerId }: { playerId: bigint }) {
  const summary = useModerationSummary(playerId);
  if (!summary.isSuccess) return <LoadingOrError query={summary} what="the moderation summary" compact />;
  const data = summary.data;
  const open = (
    <Button variant="light" rightSection={<IconExternalLink size={14} />} onClick={() => openModerationFor(playerId)} data-testid="open-moderation">
      Open in the moderation queue
    </Button>
  );
  if (data.total === 0)
    return (
      <EmptyState compact icon={<IconShieldCheck size={18} />} title="No moderation cases" action={open}>
        Nobody has warned, timed out, kicked or banned this player.
      </EmptyState>
    );
  return (
    <Stack gap="sm" p="md" data-testid="moderation-summary">
      <Group justify="space-between">
        <Group gap="lg">
          <Text size="sm">
            <b>{data.total}</b> case{data.total === 1 ? '' : 's'}, <b>{data.active}</b> active
          </Text>
          <Text size="sm" c="dimmed">
            last <RelativeTime value={data.lastCaseAt} />
          </Text>
        </Group>
        {open}
      </Group>
      <Table maw={460}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Type</Table.Th>
            <Table.Th ta="right">Cases</Table.Th>
            <Table.Th ta="right">Active</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.byType.map((row) => (
            <Table.Tr key={row.type ?? ''}>
              <Table.Td>
                {row.type === null ? <Missing reason="no case type recorded" /> : <Badge color={caseColor(row.type)}>{row.type}</Badge>}
              </Table.Td>
              <Table.Td ta="right">{row.total}</Table.Td>
              <Table.Td ta="right">{row.active}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
