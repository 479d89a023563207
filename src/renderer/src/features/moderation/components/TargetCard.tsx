import { Anchor, Badge, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { Amount } from '@renderer/components/Amount';
import { Missing } from '@renderer/components/Missing';
import { RelativeTime } from '@renderer/components/RelativeTime';
import type { CaseDetail } from '@shared/domain/moderation';
import { hrefFor } from '@renderer/lib/router';
import { CaseTypeBadge } from './CaseTypeBadge';
import { caseName } from './describe-case';
import classes from './moderation.module.css';

/** The target as a player (or 'not a player') and their whole case history. */
export function TargetCard({ detail, onOpenCase }: { detail: CaseDetail; onOpenCase(id: bigint): void }) {
  const { target, targetHistory } = detail;
  return (
    <Stack gap="xs" data-testid="target-card">
      {target.kind === 'player' ? (
        <SimpleGrid cols={4} spacing="xs">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">Class</Text>
            <Text size="sm">{target.className ?? 'none yet'}</Text>
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">Level</Text>
            {target.level === null ? <Missing reason="no level recorded" /> : <Text size="sm">{target.level}</Text>}
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">Balance</Text>
            <Amount value={target.balance} missing="no balance recorded" />
          </Stack>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">Player</Text>
            {target.isActive === null ? <Missing reason="no active flag recorded" /> : <Badge size="sm" color={target.isActive ? 'teal' : 'gray'}>{target.isActive ? 'active' : 'inactive'}</Badge>}
          </Stack>
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed" data-testid="not-a-player">
          Not a player: this Discord ID has no row in the game’s users.
        </Text>
      )}
      <Group gap={4}>
        <Text size="xs" c="dimmed">
          {targetHistory.total} case{targetHistory.total === 1 ? '' : 's'} in all:
        </Text>
        {targetHistory.counts.map((t) => (
          <Group key={t.type} gap={2} wrap="nowrap">
            <CaseTypeBadge type={t.type} size="xs" />
            <Text size="xs">×{t.count}</Text>
          </Group>
        ))}
      </Group>
      <Stack gap={0}>
        {targetHistory.cases.slice(0, 12).map((c) => (
          <UnstyledButton key={c.id.toString()} onClick={() => onOpenCase(c.id)} py={2} style={{ borderRadius: 4, minHeight: 24 }} data-current={c.id === detail.summary.id}>
            <Group gap={6} wrap="nowrap">
              <CaseTypeBadge type={c.type} size="xs" />
              <Text span size="xs" className={classes.mono} fw={c.id === detail.summary.id ? 700 : 400}>
                {caseName(c)}
              </Text>
              <Text span size="xs" c="dimmed" truncate="end" style={{ flex: 1 }}>
                {c.reasonExcerpt ?? 'no reason'}
              </Text>
              {c.active ? <Badge size="xs" color="yellow">active</Badge> : null}
              <RelativeTime value={c.createdAt} size="xs" c="dimmed" />
            </Group>
          </UnstyledButton>
        ))}
        {targetHistory.total > 12 && detail.summary.userId !== null ? (
          <Anchor
            size="xs"
            href={hrefFor({ area: 'moderation', rest: ['recent'], search: { target: detail.summary.userId.toString(), case: detail.summary.id.toString() } })}
            // A link on its own line: tall enough to hit (24 px) like the rows above it.
            style={{ display: 'inline-block', paddingBlock: 5 }}
            data-testid="target-history-more"
          >
            … and {(targetHistory.total - 12).toLocaleString('en-US')} older: show all of this member's cases in the queue
          </Anchor>
        ) : null}
      </Stack>
    </Stack>
  );
}
