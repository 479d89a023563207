import { Badge, Button, Code, Group, Loader, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { EmptyState } from '@renderer/components/EmptyState';
import { ErrorState } from '@renderer/components/ErrorState';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { Snowflake } from '@renderer/components/Snowflake';
import { useAuditLog, type AuditListFilter } from '../api';

type OutcomeFilter = 'all' | 'ok' | 'error';

/** Who did what from the desk, newest first; filterable; "load more" pages back in time. */
export function AuditSection() {
  const [search, setSearch] = useState('');
  const [procedure, setProcedure] = useState('');
  const [outcome, setOutcome] = useState<OutcomeFilter>('all');
  const [open, setOpen] = useState<bigint | null>(null);
  const [debouncedSearch] = useDebouncedValue(search.trim(), 250);
  const [debouncedProcedure] = useDebouncedValue(procedure.trim(), 250);
  const filter: AuditListFilter = {
    ...(debouncedSearch ? { search: debouncedSearch } : {}),
    ...(debouncedProcedure ? { procedure: debouncedProcedure } : {}),
    ...(outcome === 'all' ? {} : { outcome }),
  };
  const log = useAuditLog(filter);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = Object.keys(filter).length > 0;

  return (
    <Stack gap="sm" data-testid="audit-log">
      <Title order={3}>Audit log</Title>
      <Group gap="sm" wrap="wrap">
        <TextInput
          placeholder="Search staff, action or error"
          leftSection={<IconSearch size={14} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={260}
          aria-label="Search the audit log"
        />
        <TextInput placeholder="Action, e.g. moderation." value={procedure} onChange={(e) => setProcedure(e.currentTarget.value)} w={200} ff="monospace" aria-label="Filter by action" />
        <SegmentedControl
          value={outcome}
          onChange={(value) => setOutcome(value as OutcomeFilter)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'ok', label: 'Succeeded' },
            { value: 'error', label: 'Failed' },
          ]}
        />
        {log.isFetching && !log.isFetchingNextPage ? <Loader size="xs" /> : null}
      </Group>

      {log.isPending ? (
        <Loader size="sm" />
      ) : log.isError ? (
        <ErrorState compact error={log.error} onRetry={() => void log.refetch()} what="the audit log" />
      ) : entries.length === 0 ? (
        <EmptyState compact title={filtered ? 'Nothing matches these filters' : 'No staff actions yet'}>
          {filtered ? 'Clear a filter to see more.' : 'Every change made from Aurora Desk is recorded here: who, when, what, and how it went.'}
        </EmptyState>
      ) : (
        <Table stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>When</Table.Th>
              <Table.Th>Staff</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th w={90}>Outcome</Table.Th>
              <Table.Th w={70} ta="right">
                ms
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Fragment key={entry.id.toString()}>
                <Table.Tr style={{ cursor: 'pointer' }} onClick={() => setOpen(open === entry.id ? null : entry.id)} aria-expanded={open === entry.id}>
                  <Table.Td>
                    <RelativeTime value={entry.at} size="xs" />
                  </Table.Td>
                  <Table.Td>
                    {entry.actorId === null ? (
                      <Text size="sm" c="dimmed" title="This settings change was made before a staff identity was set">
                        No identity set
                      </Text>
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{entry.actorName}</Text>
                        <Snowflake id={entry.actorId} size="xs" kind="staff ID" />
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {entry.procedure}
                    </Text>
                    {entry.errorMessage ? (
                      <Text size="xs" c="red" lineClamp={1}>
                        {entry.errorMessage}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={entry.outcome === 'ok' ? 'teal' : 'red'}>{entry.outcome === 'ok' ? 'ok' : 'failed'}</Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {entry.durationMs}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {open === entry.id ? (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Stack gap={4}>
                        {entry.errorMessage ? (
                          <Text size="xs" c="red" style={{ whiteSpace: 'pre-wrap' }}>
                            {entry.errorCode ? `${entry.errorCode}: ` : ''}
                            {entry.errorMessage}
                          </Text>
                        ) : null}
                        {/* The recorded input (secrets already replaced), as text. */}
                        <Code block fz="xs">
                          {JSON.stringify(entry.input, null, 2)}
                        </Code>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()} data-testid="audit-load-more">
            Load more
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
