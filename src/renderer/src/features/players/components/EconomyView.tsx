/** The economy at a glance: coins in circulation, daily ledger volume by type, top holders, item supply. */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { ActionIcon, Anchor, Badge, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { DailyTransactionVolume } from '@shared/domain/economy';
import { Amount } from '@renderer/components/Amount';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { Missing } from '@renderer/components/Missing';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { formatAmount } from '@renderer/lib/format';
import { hrefFor } from '@renderer/lib/router';
import { useEconomyOverview } from '../api';
import { rarityColor } from './InventoryTab';
import classes from './players.module.css';
import { OUTLIER_FACTOR, outlierIds } from './outliers';

const SERIES_COLORS = ['aurora.5', 'teal.6', 'yellow.6', 'grape.5', 'orange.6', 'cyan.6', 'pink.5', 'lime.6', 'blue.5', 'red.6', 'indigo.3', 'gray.6'];

const MAX_SERIES = 7;

/** The series of transactions whose type is NULL in the database. */
export const NO_TYPE_SERIES = '(no type)';

/** "; 3 have none recorded": what a sum over a column holding NULL left out. */
export function unrecordedNote(count: number, what: string): string {
  return count > 0 ? `; ${formatAmount(count)} ${what} none recorded (left out)` : '';
}

/**
 * Bars for the chart: one per UTC day of the window (per week beyond three months, so a year
 * stays readable), empty buckets included; the most frequent types as their own series and the
 * rest summed as "other".
 */
export function chartRows(perDay: DailyTransactionVolume[], since: string, days: number) {
  const bucketDays = days > 92 ? 7 : 1;
  const totals = new Map<string, number>();
  const typeOf = (r: DailyTransactionVolume) => r.type ?? NO_TYPE_SERIES;
  for (const r of perDay) totals.set(typeOf(r), (totals.get(typeOf(r)) ?? 0) + r.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([type]) => type);
  const shown = ranked.length > MAX_SERIES ? ranked.slice(0, MAX_SERIES - 1) : ranked;
  const types = ranked.length > shown.length ? [...shown, 'other'] : shown;
  const seriesOf = (type: string) => (shown.includes(type) ? type : 'other');

  const start = Date.parse(`${since}T00:00:00Z`);
  const rows: Record<string, number | string>[] = [];
  for (let i = 0; i < days; i += bucketDays) {
    const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    rows.push({ day: day.slice(5), ...Object.fromEntries(types.map((t) => [t, 0])) });
  }
  for (const r of perDay) {
    const index = Math.floor((Date.parse(`${r.day}T00:00:00Z`) - start) / (86_400_000 * bucketDays));
    const row = rows[index];
    if (row) row[seriesOf(typeOf(r))] = (row[seriesOf(typeOf(r))] as number) + r.count;
  }
  return { types, data: rows, unit: bucketDays === 7 ? 'week' : 'day' };
}

function Stat({ label, children, hint }: { label: string; children: React.ReactNode; hint?: string }) {
  return (
    <div className={classes.statCard}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <div style={{ fontSize: 'var(--mantine-font-size-xl)', fontWeight: 600 }}>{children}</div>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </div>
  );
}

export function EconomyView({ onOpenPlayer }: { onOpenPlayer(id: bigint): void }) {
  const [days, setDays] = useState('30');
  const overview = useEconomyOverview(Number(days));
  const chart = useMemo(
    () => (overview.data ? chartRows(overview.data.perDay, overview.data.since, overview.data.days) : { types: [], data: [], unit: 'day' }),
    [overview.data],
  );
  if (!overview.isSuccess) return <LoadingOrError query={overview} what="the economy overview" />;
  const o = overview.data;
  const windowCount = o.perDay.reduce((n, r) => n + r.count, 0);
  const outliers = outlierIds(o.topHolders);
  const outlierNote = outliers.size
    ? `; ${outliers.size === 1 ? 'one balance stands' : `${outliers.size} balances stand`} far outside the rest (see top holders)`
    : '';

  return (
    <Stack gap="md" p="md" data-testid="economy-overview">
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="sm">
        <Stat label="Coins in circulation" hint={`Sum of every player's balance${unrecordedNote(o.circulationUnrecorded, o.circulationUnrecorded === 1 ? 'player has' : 'players have')}${outlierNote}`}>
          <Amount value={o.circulation} size="xl" />
        </Stat>
        <Stat label="Class banks" hint={`Held by classes, not players${unrecordedNote(o.classBanksUnrecorded, o.classBanksUnrecorded === 1 ? 'class has' : 'classes have')}`}>
          <Amount value={o.classBanks} size="xl" />
        </Stat>
        <Stat label="Players" hint={`${formatAmount(o.activePlayers)} active`}>
          <Amount value={o.players} size="xl" />
        </Stat>
        <Stat label={`Transactions, ${o.days} days`} hint={`Since ${o.since} (UTC)`}>
          <Amount value={windowCount} size="xl" />
        </Stat>
      </SimpleGrid>
      {o.basis === 'cached' ? (
        <Text
          size="xs"
          c="dimmed"
          mt={-8}
          data-testid="economy-basis"
          title="On a large database these whole-table sums are reused for a few seconds instead of re-summed on every view."
        >
          ≈ circulation, players, top holders and item supply as of <RelativeTime value={o.asOf} size="xs" c="dimmed" />
        </Text>
      ) : null}

      <div className={classes.statCard}>
        <Group justify="space-between" mb="xs">
          <Title order={4}>Transactions per {chart.unit}, by type</Title>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              as of <RelativeTime value={overview.dataUpdatedAt} size="xs" />
            </Text>
            <Tooltip label="Refresh now (otherwise every minute)">
              <ActionIcon aria-label="Refresh the economy overview" loading={overview.isFetching} onClick={() => void overview.refetch()}>
                <IconRefresh size={14} />
              </ActionIcon>
            </Tooltip>
            <SegmentedControl
              value={days}
              onChange={setDays}
              data={[
                { value: '7', label: '7 days' },
                { value: '30', label: '30 days' },
                { value: '90', label: '90 days' },
                { value: '365', label: 'Year' },
              ]}
            />
          </Group>
        </Group>
        {chart.types.length === 0 ? (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            No currency transactions in the last {o.days} days.
          </Text>
        ) : (
          <BarChart
            h={240}
            data={chart.data}
            dataKey="day"
            type="stacked"
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 36 }}
            series={chart.types.map((type, i) => ({ name: type, color: type === 'other' ? 'gray.6' : SERIES_COLORS[i % SERIES_COLORS.length]! }))}
            tickLine="none"
            gridAxis="y"
            valueFormatter={(value) => value.toLocaleString('en-US')}
            // Transactions are counted: the axis never shows 2.5 of them.
            yAxisProps={{ allowDecimals: false }}
            data-testid="economy-chart"
          />
        )}
      </div>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <div className={classes.statCard}>
          <Title order={4} mb="xs">
            Top holders
          </Title>
          <Table data-testid="top-holders">
            <Table.Tbody>
              {o.topHolders.map((h, i) => (
                <Table.Tr key={h.id.toString()} style={{ cursor: 'pointer' }} onClick={() => onOpenPlayer(h.id)} data-testid="top-holder" data-outlier={outliers.has(h.id.toString()) || undefined}>
                  <Table.Td w={32}>
                    <Text size="xs" c="dimmed">
                      {i + 1}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      href={hrefFor({ area: 'players', search: { player: h.id.toString() } })}
                      size="sm"
                      className={classes.plainText}
                      // The row's own click opens the profile too: one navigation, not two.
                      onClick={(event) => event.stopPropagation()}
                      data-testid="top-holder-link"
                    >
                      {h.username === null ? <Missing reason="no username recorded" /> : h.username}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      {outliers.has(h.id.toString()) ? (
                        <Tooltip label={`More than ${OUTLIER_FACTOR.toString()}× the median of the other top holders: check that it is real`}>
                          <Badge color="yellow" variant="light" size="sm" leftSection={<IconAlertTriangle size={12} />} data-testid="outlier-flag">
                            outlier
                          </Badge>
                        </Tooltip>
                      ) : null}
                      <Amount value={h.balance} currency="coins" />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div className={classes.statCard}>
          <Title order={4} mb="xs">
            Supply per item
          </Title>
          <div style={{ maxHeight: 360, overflow: 'auto' }}>
            <Table stickyHeader data-testid="item-supply">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Item</Table.Th>
                  <Table.Th ta="right">Holders</Table.Th>
                  <Table.Th ta="right">Supply</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.itemSupply.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={3}>
                      <Text size="sm" c="dimmed">
                        Nobody holds any item yet.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  o.itemSupply.map((s) => (
                    <Table.Tr key={s.itemId}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <span style={{ width: 8, height: 8, borderRadius: 2, background: `var(--mantine-color-${rarityColor(s.rarity)}-6)`, flex: 'none' }} title={s.rarity ?? 'no rarity recorded'} />
                          {s.name === null ? (
                            <Missing reason={`item #${s.itemId}: no name recorded`} />
                          ) : (
                            <Text size="sm" className={classes.plainText}>
                              {s.name}
                            </Text>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount value={s.holders} />
                      </Table.Td>
                      <Table.Td ta="right">
                        <Amount value={s.supply} fw={600} />
                        {s.unrecorded > 0 ? (
                          <Text size="xs" c="dimmed" data-testid="supply-unrecorded">
                            + {formatAmount(s.unrecorded)} with no quantity recorded
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </div>
        </div>
      </SimpleGrid>
    </Stack>
  );
}
