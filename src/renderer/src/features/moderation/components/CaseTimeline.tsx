import { Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconBrandDiscord, IconCheck, IconHandStop, IconMessage, IconPencil, IconPlus, IconUserX } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { DiscordRecord, TimelineEntry } from '@shared/domain/moderation';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { discordEntryText } from './describe-case';
import classes from './moderation.module.css';

const kinds: Record<TimelineEntry['kind'], { icon: ComponentType<{ size?: number }>; verb: string; color?: string }> = {
  opened: { icon: IconPlus, verb: 'opened the case' },
  resolved: { icon: IconCheck, verb: 'resolved it', color: 'teal' },
  reopened: { icon: IconArrowBackUp, verb: 'reopened it', color: 'yellow' },
  'reason-edited': { icon: IconPencil, verb: 'changed the reason' },
  note: { icon: IconMessage, verb: 'noted' },
  claimed: { icon: IconHandStop, verb: 'claimed it', color: 'aurora' },
  unclaimed: { icon: IconUserX, verb: 'released the claim' },
  discord: { icon: IconBrandDiscord, verb: 'on Discord:' },
};

const who = (e: TimelineEntry) => (e.by ? (e.by.name ?? e.by.id.toString()) : e.source === 'row' ? 'the bot' : 'someone');

/** Everything that happened to the case, oldest first; text as plain text. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Timeline bulletSize={18} lineWidth={1} data-testid="case-timeline">
      {entries.map((e, i) => {
        const kind = kinds[e.kind];
        const Icon = kind.icon;
        const color = e.kind === 'discord' ? (e.ok ? 'teal' : 'red') : kind.color;
        return (
          <Timeline.Item key={`${e.kind}-${i}`} bullet={<Icon size={11} />} color={color} data-kind={e.kind}>
            <Text size="xs">
              <b>{who(e)}</b> {kind.verb}
              {e.kind === 'discord' ? ` ${discordEntryText(e.text as DiscordRecord['action'], e.ok !== false, e.until)}` : ''} · <RelativeTime value={e.at} size="xs" c="dimmed" />
            </Text>
            {e.kind === 'reason-edited' ? (
              <Text size="xs" c="dimmed" className={classes.plainText}>
                was: {e.previous ?? '(no reason)'}
              </Text>
            ) : null}
            {e.kind === 'reopened' && e.previous ? (
              <Text size="xs" c="dimmed" className={classes.plainText}>
                previous resolution: {e.previous}
              </Text>
            ) : null}
            {e.kind === 'claimed' && e.previous ? (
              <Text size="xs" c="dimmed">from {e.previous}</Text>
            ) : null}
            {e.text && e.kind !== 'discord' ? (
              <Text size="sm" className={classes.plainText}>
                {e.text}
              </Text>
            ) : null}
            {e.detail ? (
              <Text size="xs" c={e.ok === false ? 'red' : 'dimmed'} className={classes.plainText}>
                {e.detail}
              </Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
