import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorState } from '@renderer/components/ErrorState';
import { StatFigure } from '@renderer/components/StatFigure';
import { formatAmount } from '@renderer/lib/format';
import { useQuestStats } from '../api';
import { QuestPlayers } from './QuestPlayers';

/** How players fare on the quest: counts, completions over time, and who is on it. */
export function QuestStatsTab({ questId, questName }: { questId: number; questName: string }) {
  const [days, setDays] = useState('90');
  const stats = useQuestStats(questId, Number(days));
  if (stats.isError) return <ErrorState compact error={stats.error} onRetry={() => void stats.refetch()} what="the quest's stats" />;
  const s = stats.data;
  const first = s?.completionsPerDay[0]?.day;
  const last = s?.completionsPerDay.at(-1)?.day;
  return (
    <Stack gap="md" p="md" data-testid="quest-stats">
      <SimpleGrid cols={4} spacing="sm">
        <StatFigure testId="stat-started" label="Started" value={s ? formatAmount(s.started) : '…'} hint="players with progress" />
        <StatFigure testId="stat-completed" label="Completed" value={s ? formatAmount(s.completed) : '…'} hint={s ? `${formatAmount(s.inProgress)} still on it` : undefined} />
        <StatFigure testId="stat-rate" label="Completion rate" value={s ? `${(s.completionRate * 100).toFixed(1)} %` : '…'} hint="completed ÷ started" />
        <StatFigure
          testId="stat-median"
          label="Median progress"
          value={s ? (s.medianProgress === null ? '—' : formatAmount(Math.round(s.medianProgress))) : '…'}
          hint={s ? `of players still on it${s.target !== null ? `, target ${formatAmount(s.target)}` : ''}` : undefined}
        />
      </SimpleGrid>
      <Paper withBorder p="sm" radius="sm">
        <Group justify="space-between" mb="xs">
          <Stack gap={0}>
            <Title order={4}>Completions per day</Title>
            <Text size="xs" c="dimmed">
              {first && last ? `${first} to ${last} (UTC), ending on the latest completion` : ' '}
            </Text>
          </Stack>
          <SegmentedControl
            value={days}
            onChange={setDays}
            data={[
              { value: '30', label: '30 days' },
              { value: '90', label: '90 days' },
              { value: '365', label: 'A year' },
            ]}
          />
        </Group>
        <BarChart
          h={200}
          data={s?.completionsPerDay ?? []}
          dataKey="day"
          series={[{ name: 'completions', label: 'Completions', color: 'aurora.4' }]}
          tickLine="none"
          gridAxis="x"
          strokeDasharray="2 4"
          maxBarWidth={18}
          xAxisProps={{ tickFormatter: (day: string) => day.slice(5), minTickGap: 16 }}
          yAxisProps={{ allowDecimals: false, width: 36 }}
          data-testid="quest-completions-chart"
        />
      </Paper>
      <QuestPlayers questId={questId} questName={questName} target={s?.target ?? null} />
    </Stack>
  );
}
