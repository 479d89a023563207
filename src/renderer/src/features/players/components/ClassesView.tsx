/** Every class: its Discord role, members (and how many are active), their coins, the class bank. */
import { Group, Table, Text } from '@mantine/core';
import { IconShield } from '@tabler/icons-react';
import { Amount } from '@renderer/components/Amount';
import { EmptyState } from '@renderer/components/EmptyState';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { Snowflake } from '@renderer/components/Snowflake';
import { useClassesOverview } from '../api';
import classes from './players.module.css';

export function ClassesView() {
  const overview = useClassesOverview();
  if (!overview.isSuccess) return <LoadingOrError query={overview} what="the classes" />;
  const { classes: rows, unassigned } = overview.data;
  if (rows.length === 0)
    return (
      <EmptyState icon={<IconShield size={22} />} title="No classes defined">
        The bot has no classes in its database yet; {unassigned.toLocaleString('en-US')} players have none.
      </EmptyState>
    );
  const members = rows.reduce((n, c) => n + c.members, 0);
  return (
    <div style={{ padding: 'var(--mantine-spacing-md)' }}>
      <Table data-testid="classes-table" maw={1100}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Class</Table.Th>
            <Table.Th w={230}>Discord role</Table.Th>
            <Table.Th w={120} ta="right">
              Members
            </Table.Th>
            <Table.Th w={120} ta="right">
              Active
            </Table.Th>
            <Table.Th w={180} ta="right">
              Members&apos; coins
            </Table.Th>
            <Table.Th w={180} ta="right">
              Class bank
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id.toString()} data-testid="class-row">
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} className={classes.plainText}>
                    {c.name}
                  </Text>
                  <Text size="xs" c="dimmed" className={classes.mono}>
                    {c.id.toString()}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>{c.roleId ? <Snowflake id={c.roleId} kind="role ID" size="xs" /> : <Text size="xs" c="dimmed">no role</Text>}</Table.Td>
              <Table.Td ta="right">
                <Amount value={c.members} />
                <Text span size="xs" c="dimmed">
                  {' '}
                  {members > 0 ? `${Math.round((c.members / members) * 100)}%` : ''}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Amount value={c.activeMembers} />
              </Table.Td>
              <Table.Td ta="right">
                <Amount value={c.memberBalance} currency="coins" />
                {c.memberBalanceUnrecorded > 0 ? (
                  <Text size="xs" c="dimmed" data-testid="member-balance-unrecorded">
                    + {c.memberBalanceUnrecorded} with no balance recorded
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td ta="right">
                <Amount value={c.bankBalance} currency="coins" fw={600} missing="no bank balance recorded" />
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td>
              <Text size="sm" c="dimmed">
                No class
              </Text>
            </Table.Td>
            <Table.Td />
            <Table.Td ta="right">
              <Amount value={unassigned} />
            </Table.Td>
            <Table.Td colSpan={3} />
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </div>
  );
}
