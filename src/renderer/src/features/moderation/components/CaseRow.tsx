import { Avatar, Badge, Checkbox, Text, Tooltip } from '@mantine/core';
import { IconBrandDiscord } from '@tabler/icons-react';
import { memo } from 'react';
import { Missing } from '@renderer/components/Missing';
import { RelativeTime } from '@renderer/components/RelativeTime';
import type { CaseSummary } from '@shared/domain/moderation';
import { CaseTypeBadge } from './CaseTypeBadge';
import { caseName, isOpen } from './describe-case';
import classes from './moderation.module.css';

export const ROW_HEIGHT = 32;

const initials = (name: string | null, id: bigint) => (name ?? id.toString()).replace(/[^\p{L}\p{N}]/gu, '').slice(0, 2).toUpperCase() || '?';

export interface CaseRowProps {
  summary: CaseSummary;
  index: number;
  selected: boolean;
  /** The row the grid's Tab stop is on (the others are reached with j/k or the arrows). */
  tabStop: boolean;
  checked: boolean;
  fresh: boolean;
  onSelect(id: bigint): void;
  onToggle(id: bigint): void;
}

/** The reason on hover: all of it up to the excerpt's length, and how to read the rest. */
function reasonTitle(c: CaseSummary): string {
  if (c.reasonExcerpt === null) return 'No reason given';
  const more = c.reasonLength > c.reasonExcerpt.length;
  return more ? `${c.reasonExcerpt}… (${c.reasonLength.toLocaleString('en-US')} characters: Enter opens the whole reason)` : c.reasonExcerpt;
}

/** One dense row. Everything from the database is plain text; null names show the ID. */
export const CaseRow = memo(function CaseRow({ summary: c, index, selected, tabStop, checked, fresh, onSelect, onToggle }: CaseRowProps) {
  // One name per moderator across the queue: the latest known; the detail shows the recorded one.
  const moderator = c.moderatorCurrentName ?? c.moderatorName;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabStop ? 0 : -1}
      data-row-id={c.id.toString()}
      className={`${classes.row} ${fresh ? classes.fresh : ''}`}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      data-selected={selected}
      data-resolved={!c.active}
      data-case-id={c.caseId}
      data-fresh={fresh || undefined}
      data-testid="case-row"
      onClick={() => onSelect(c.id)}
    >
      <span role="gridcell" data-column="select" onClick={(e) => e.stopPropagation()}>
        <Checkbox size="xs" checked={checked} onChange={() => onToggle(c.id)} aria-label={`Select case ${caseName(c)}`} disabled={!isOpen(c)} tabIndex={-1} />
      </span>
      <span role="gridcell" data-column="type" className={classes.cell}>
        <CaseTypeBadge type={c.type} size="xs" />
      </span>
      <span role="gridcell" data-column="case" className={`${classes.cell} ${classes.mono}`} title={c.caseId ?? 'No case id recorded'}>
        {caseName(c)}
      </span>
      <span role="gridcell" data-column="user" className={classes.cell} title={`${c.username ?? '(no username)'} · ${c.userId ?? 'no user ID recorded'}`}>
        {c.username ?? (c.userId === null ? <Missing reason="no target recorded" /> : <span className={classes.mono}>{c.userId.toString()}</span>)}
      </span>
      <Text span role="gridcell" data-column="moderator" size="sm" c="dimmed" className={classes.cell} title={`${moderator ?? '(no name)'} · ${c.moderatorId ?? 'no moderator ID recorded'}`}>
        {moderator ?? c.moderatorId?.toString() ?? <Missing reason="no moderator recorded" />}
      </Text>
      <span role="gridcell" data-column="reason" className={classes.cell} title={reasonTitle(c)}>
        {c.discordPending.length > 0 ? (
          <Badge
            size="xs"
            variant="light"
            leftSection={<IconBrandDiscord size={10} />}
            mr={6}
            tt="none"
            color={c.discordPending[0]!.state === 'refused' ? 'red' : 'orange'}
            title={`${c.discordPending[0]!.state === 'refused' ? 'Refused by Discord' : 'Discord outcome unknown'}: ${c.discordPending.map((p) => p.action).join(', ')}. Open the case; d asks Discord again.`}
            data-testid="row-discord-unknown"
          >
            {c.discordPending[0]!.action} {c.discordPending[0]!.state === 'refused' ? 'refused' : 'unknown'}
          </Badge>
        ) : null}
        {c.reasonExcerpt ?? (
          <Text span size="sm" c="dimmed" fs="italic">
            no reason
          </Text>
        )}
        {c.noteCount > 0 ? (
          <Text span size="xs" c="dimmed">
            {' '}
            · {c.noteCount} note{c.noteCount === 1 ? '' : 's'}
          </Text>
        ) : null}
      </span>
      <span role="gridcell" data-column="age" className={classes.cell}>
        <RelativeTime value={c.createdAt} size="xs" c="dimmed" hint="title" />
      </span>
      <span role="gridcell" data-column="claim">
        {c.claim ? (
          <Tooltip label={`Claimed by ${c.claim.by.name ?? c.claim.by.id.toString()}`}>
            <Avatar size={20} radius="xl" color="aurora" data-testid="claim-avatar">
              {initials(c.claim.by.name, c.claim.by.id)}
            </Avatar>
          </Tooltip>
        ) : null}
      </span>
    </div>
  );
});
