import { Alert, Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDatabasePlus } from '@tabler/icons-react';
import type { SchemaReport, SchemaSeverity } from '@shared/domain/schema-check';

const severityColor: Record<SchemaSeverity, string> = { error: 'red', warning: 'yellow', info: 'gray' };

/** What the schema check found, most serious first; the bot's own words for names. */
export function SchemaReportView({ report }: { report: SchemaReport }) {
  const order: SchemaSeverity[] = ['error', 'warning', 'info'];
  const differences = [...report.differences].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity));
  const errors = differences.filter((d) => d.severity === 'error').length;

  const summary = report.empty ? (
    <Alert color="blue" icon={<IconDatabasePlus size={16} />} title="An empty database" data-testid="schema-empty">
      None of the bot&apos;s tables exist yet. Switching to this profile creates them (and Aurora Desk&apos;s own objects).
    </Alert>
  ) : report.ok ? (
    <Alert color="teal" icon={<IconCircleCheck size={16} />} title="The schema matches" data-testid="schema-ok">
      {differences.length === 0
        ? 'Every table, column, key and constraint Aurora Desk relies on is in place.'
        : `Everything Aurora Desk relies on is in place; ${differences.length} minor difference${differences.length === 1 ? '' : 's'} below.`}
    </Alert>
  ) : (
    <Alert color="red" icon={<IconAlertTriangle size={16} />} title={`${errors} difference${errors === 1 ? '' : 's'} Aurora Desk relies on`} data-testid="schema-errors">
      Screens that use these tables may fail. Aurora Desk never changes the bot&apos;s tables: fix them in the bot&apos;s migrations.
    </Alert>
  );

  return (
    <Stack gap="xs">
      {summary}
      {differences.length > 0 && !report.empty ? (
        <ScrollArea.Autosize mah={260} type="auto">
          <Table withRowBorders={false} data-testid="schema-differences">
            <Table.Tbody>
              {differences.map((d, index) => (
                <Table.Tr key={`${d.table}.${d.column ?? ''}.${d.kind}.${index}`}>
                  <Table.Td w={80}>
                    <Badge color={severityColor[d.severity]}>{d.severity}</Badge>
                  </Table.Td>
                  <Table.Td w={200}>
                    <Text size="xs" ff="monospace">
                      {d.column ? `${d.table}.${d.column}` : d.table}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{d.message}</Text>
                    {d.expected || d.actual ? (
                      <Group gap="xs">
                        {d.expected ? (
                          <Text size="xs" c="dimmed">
                            expected <Text span ff="monospace" inherit>{d.expected}</Text>
                          </Text>
                        ) : null}
                        {d.actual ? (
                          <Text size="xs" c="dimmed">
                            found <Text span ff="monospace" inherit>{d.actual}</Text>
                          </Text>
                        ) : null}
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  );
}
