/**
 * Per-channel claim rate and time to claim, with the honest fine print: the bot records no
 * claim time, so time to claim covers only the claims Aurora Desk's recorder timed.
 */
import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Alert, Box, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelClaimStats } from '@shared/domain/lootdrops';
import { EmptyState } from '@renderer/components/EmptyState';
import { ErrorState } from '@renderer/components/ErrorState';
import { StatFigure } from '@renderer/components/StatFigure';
import { formatAmount } from '@renderer/lib/format';
import { useLootStats } from '../api';
import { channelHint, channelLabel, formatDuration } from '../format';
import classes from './lootdrops.module.css';

const WINDOWS = [
  { value: '1', label: '24 h' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'all', label: 'All time' },
];

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

export function StatsTab({ channels }: { channels: Map<string, string> }) {
  const [window, setWindow] = useState('30');
  const stats = useLootStats(window === 'all' ? null : Number(window));
  const data = stats.data;

  let body: React.ReactNode;
  if (stats.isError) body = <ErrorState error={stats.error} onRetry={() => void stats.refetch()} what="the lootdrop stats" />;
  else if (!data) body = <Text size="sm" c="dimmed">Loading…</Text>;
  else if (data.overall.drops === 0)
    body = (
      <EmptyState
        title="No drops in this window"
        action={
          window !== 'all' ? (
            <Button size="xs" variant="light" onClick={() => setWindow('all')}>
              Show all time
            </Button>
          ) : undefined
        }
      >
        Choose a longer window, or spawn some drops first.
      </EmptyState>
    );
  else {
    const o = data.overall;
    const busiest = data.channels[0];
    const rateData = data.channels.map((c) => ({ channel: channelLabel(channels, c.channelId), rate: c.claimRate === null ? 0 : Math.round(c.claimRate * 1000) / 10 }));
    body = (
      <Stack gap="md">
        <SimpleGrid cols={4} spacing="sm">
          <StatFigure label="Drops" value={formatAmount(o.drops)} hint={`${formatAmount(o.active)} still up`} />
          <StatFigure label="Claim rate" value={percent(o.claimRate)} hint={`${formatAmount(o.claimed)} claimed, ${formatAmount(o.expired)} expired unclaimed`} />
          <StatFigure
            label="Median time to claim"
            value={o.medianClaimMs === null ? '—' : formatDuration(o.medianClaimMs)}
            hint={`timed for ${formatAmount(o.measuredClaims)} of ${formatAmount(o.claimed)} claims`}
          />
          {busiest ? (
            <StatFigure label="Busiest channel" value={channelLabel(channels, busiest.channelId)} hint={`${formatAmount(busiest.drops)} drops, ${percent(busiest.claimRate)} claimed`} />
          ) : null}
        </SimpleGrid>
        {!data.claimTimesRecorded ? (
          <Alert color="yellow" icon={<IconInfoCircle size={16} />} title="Claim times are not being recorded on this database">
            The bot&apos;s lootdrops table has no claim time. Aurora Desk notes it with a trigger, which this database role could not install. As the table
            owner, run <code>SELECT aurora_desk.install_lootdrop_claim_recorder();</code> to start measuring.
          </Alert>
        ) : o.measuredClaims < o.claimed ? (
          <Text size="xs" c="dimmed">
            Time to claim is measured, not guessed: the bot records no claim time, so Aurora Desk notes the moment the bot writes the claimer. Claims from before
            that ({formatAmount(o.claimed - o.measuredClaims)} here) count for the claim rate only.
          </Text>
        ) : null}
        <SimpleGrid cols={2} spacing="md">
          <Paper withBorder p="sm" radius="sm">
            <Title order={4} mb="xs">
              Claim rate by channel
            </Title>
            <BarChart
              h={Math.max(160, rateData.length * 34 + 40)}
              data={rateData}
              dataKey="channel"
              orientation="vertical"
              series={[{ name: 'rate', label: 'Claim rate', color: 'teal.6' }]}
              valueFormatter={(value) => `${value}%`}
              yAxisProps={{ width: axisWidth(rateData.map((d) => d.channel)), tickFormatter: shortLabel }}
              xAxisProps={{ domain: [0, 100] }}
              gridAxis="x"
              data-testid="chart-claim-rate"
            />
          </Paper>
          <Paper withBorder p="sm" radius="sm">
            <Title order={4} mb="xs">
              Time to claim
            </Title>
            {o.measuredClaims === 0 ? (
              <EmptyState compact title="No timed claims in this window">
                Claims recorded from now on are timed and show here.
              </EmptyState>
            ) : (
              <BarChart
                h={220}
                data={data.claimTimes.map((b) => ({ bucket: b.label, claims: b.claims }))}
                dataKey="bucket"
                series={[{ name: 'claims', label: 'Claims', color: 'aurora.4' }]}
                gridAxis="y"
                yAxisProps={{ allowDecimals: false }}
                data-testid="chart-claim-time"
              />
            )}
          </Paper>
        </SimpleGrid>
        <ChannelTable rows={data.channels} channels={channels} />
      </Stack>
    );
  }

  return (
    <Box>
      <Group justify="space-between" mb="sm">
        <SegmentedControl size="xs" data={WINDOWS} value={window} onChange={setWindow} data-testid="stats-window" />
        <Text size="xs" c="dimmed">
          Claim rate = claimed ÷ (claimed + expired unclaimed); drops still up and cancelled ones are left out.
        </Text>
      </Group>
      {body}
    </Box>
  );
}

/** Chart labels longer than this end in "…" (the table below has them whole). */
const LABEL_MAX = 24;
const shortLabel = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1)}…` : label);
/** Room for the longest (shortened) label at the axis' 12 px, so none is clipped. */
function axisWidth(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((label) => shortLabel(label).length));
  return Math.min(220, Math.max(60, Math.ceil(longest * 7.4) + 12));
}

function ChannelTable({ rows, channels }: { rows: ChannelClaimStats[]; channels: Map<string, string> }) {
  return (
    <Box className={classes.section}>
      <div className={`${classes.row} ${classes.historyHead}`} style={{ gridTemplateColumns: '1.4fr repeat(5, 0.8fr) 1.3fr' }}>
        <span>Channel</span>
        <span>Drops</span>
        <span>Claimed</span>
        <span>Expired</span>
        <span>Up now</span>
        <span>Claim rate</span>
        <span>Median time to claim</span>
      </div>
      {rows.map((c) => (
        <div key={c.channelId} className={classes.row} style={{ gridTemplateColumns: '1.4fr repeat(5, 0.8fr) 1.3fr' }} data-testid="stats-row">
          <Text size="sm" truncate="end" title={channelHint(channels, c.channelId)} data-testid="drop-channel">
            {channelLabel(channels, c.channelId)}
          </Text>
          <Text size="sm">{formatAmount(c.drops)}</Text>
          <Text size="sm">{formatAmount(c.claimed)}</Text>
          <Text size="sm">{formatAmount(c.expired)}</Text>
          <Text size="sm">{formatAmount(c.active)}</Text>
          <Text size="sm" fw={600}>
            {percent(c.claimRate)}
          </Text>
          <Text size="sm" c={c.medianClaimMs === null ? 'dimmed' : undefined}>
            {c.medianClaimMs === null ? 'not measured' : `${formatDuration(c.medianClaimMs)} (${formatAmount(c.measuredClaims)} timed)`}
          </Text>
        </div>
      ))}
    </Box>
  );
}
