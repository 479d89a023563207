/** How often this player met moderation, by type, and the way into the queue filtered on them. */
import { Badge, Button, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconExternalLink, IconShieldCheck } from '@tabler/icons-react';
import { EmptyState } from '@renderer/components/EmptyState';
import { Missing } from '@renderer/components/Missing';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { navigate } from '@renderer/lib/router';
import { useModerationSummary, usePlayerCases } from '../api';

/** UX.md's case colours: warn amber, timeout orange, kick red-orange, ban red, note grey. */
const CASE_COLORS: Record<string, string> = { warn: 'yellow', timeout: 'orange', kick: 'red', ban: 'red', note: 'gray' };

export function caseColor(type: string): string {
  return CASE_COLORS[type.toLowerCase()] ?? 'dark';
}

/** One case, opened in the moderation queue (filtered on this player, so it is listed there). */
export function openCaseInQueue(playerId: bigint, caseId: bigint): void {
  navigate({ area: 'moderation', rest: ['recent'], search: { target: playerId.toString(), case: caseId.toString() } });
}

/** The moderation queue, every case (open or resolved), filtered on this Discord ID. */
export function openModerationFor(playerId: bigint): void {
  navigate({ area: 'moderation', rest: ['recent'], search: { target: playerId.toString() } });
}

export function ModerationTab({ playerId }: { playerId: bigint }) {
  const summary = useModerationSummary(playerId);
  const cases = usePlayerCases(playerId);
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
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="xs">
        Cases, newest first{cases.data && cases.data.total > cases.data.cases.length ? ` (the latest ${cases.data.cases.length} of ${cases.data.total})` : ''}
      </Text>
      {cases.isSuccess ? (
        <Stack gap={0} data-testid="player-cases">
          {cases.data.cases.map((c) => (
            <UnstyledButton
              key={c.id.toString()}
              onClick={() => openCaseInQueue(playerId, c.id)}
              py={4}
              px={6}
              style={{ borderRadius: 4, borderBottom: '1px solid var(--desk-border)' }}
              data-testid="player-case"
              data-case-id={c.caseId ?? c.id.toString()}
              title="Open this case in the moderation queue"
            >
              <Group gap={8} wrap="nowrap">
                {c.type === null ? <Missing reason="no case type recorded" /> : <Badge size="sm" color={caseColor(c.type)} variant="light" tt="none" style={{ flex: 'none' }}>{c.type}</Badge>}
                <Text span size="xs" ff="monospace" style={{ flex: 'none' }}>
                  {c.caseId ?? `#${c.id}`}
                </Text>
                <Text span size="sm" truncate="end" style={{ flex: 1, minWidth: 0 }} c={c.reasonExcerpt ? undefined : 'dimmed'}>
                  {c.reasonExcerpt ?? 'no reason'}
                </Text>
                {c.active ? <Badge size="xs" color="yellow" style={{ flex: 'none' }}>active</Badge> : null}
                <RelativeTime value={c.createdAt} size="xs" c="dimmed" />
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      ) : (
        <LoadingOrError query={cases} what="the cases" compact />
      )}
    </Stack>
  );
}
