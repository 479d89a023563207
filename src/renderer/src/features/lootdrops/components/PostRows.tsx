/**
 * Drops on their way to Discord, at the top of Active: "sending…", "waiting for Discord's rate
 * limit (N s)" with a way to give up, "checking Discord…" when no answer came (the desk asks
 * again under the post's nonce, so it never becomes a second drop), and posts Discord never
 * answered in time to check, which staff should look for in the channel.
 */
import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { DropPost } from '@shared/domain/lootdrops';
import { Amount } from '@renderer/components/Amount';
import { useSecondTicker } from '@renderer/lib/clock';
import { useGiveUpPost } from '../api';
import { channelLabel } from '../format';
import classes from './lootdrops.module.css';

export interface PostRowsProps {
  posts: DropPost[];
  channels: Map<string, string>;
  /** This window's clock minus the main process'. */
  offsetMs: number;
}

export function PostRows({ posts, channels, offsetMs }: PostRowsProps) {
  if (posts.length === 0) return null;
  return (
    <>
      {posts.map((post) => (
        <PostRow key={post.nonce} post={post} channel={channelLabel(channels, post.channelId)} offsetMs={offsetMs} />
      ))}
    </>
  );
}

function PostRow({ post, channel, offsetMs }: { post: DropPost; channel: string; offsetMs: number }) {
  const now = useSecondTicker() + offsetMs;
  const giveUp = useGiveUpPost();
  const waitS = post.waitingUntil ? Math.max(0, Math.ceil((post.waitingUntil.getTime() - now) / 1000)) : null;
  const lost = post.state === 'lost';
  return (
    <div className={`${classes.row} ${classes.postRow}`} data-testid="post-row" data-state={post.state} aria-live="polite">
      <Text size="sm" truncate="end" fw={500}>
        {channel}
      </Text>
      <Amount value={post.amount} currency={post.currency} fw={600} />
      <Tooltip multiline w={320} label={`Spawned by ${post.spawnedBy.name}. ${post.detail ?? stateHelp[post.state] ?? ''}`}>
        <Group gap={6} wrap="nowrap" data-testid="post-state">
          {lost ? <IconAlertTriangle size={14} color="var(--mantine-color-orange-text)" /> : <Loader size={12} />}
          <Text size="sm" c={lost ? 'var(--mantine-color-orange-text)' : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
            {post.state === 'waiting' && waitS !== null ? `waiting for Discord's rate limit (${waitS} s)` : stateLabel[post.state]}
          </Text>
        </Group>
      </Tooltip>
      <Group justify="flex-end">
        {post.state === 'waiting' ? (
          <Button size="compact-xs" variant="subtle" color="red" loading={giveUp.isPending} onClick={() => giveUp.mutate({ nonce: post.nonce })} data-testid="give-up-post">
            Give up
          </Button>
        ) : null}
      </Group>
    </div>
  );
}

const stateLabel: Record<DropPost['state'], string> = {
  sending: 'sending to Discord…',
  waiting: "waiting for Discord's rate limit",
  checking: 'checking Discord…',
  failed: 'not posted',
  abandoned: 'given up',
  lost: 'Discord never answered',
};

const stateHelp: Partial<Record<DropPost['state'], string>> = {
  checking: 'Discord did not answer in time. The desk asks again under the same nonce, which never makes a second message, and records the drop as soon as Discord says it exists.',
};
