/**
 * A case's Discord actions whose outcome the desk does not know, or that Discord refused, shown
 * on the case where staff look: what was asked, by whom and when, why it is unknown or what
 * Discord refused (a missing permission, named), and "Retry on Discord" (d). The retry is
 * disabled, saying why beside it, when Discord is not configured.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconBrandDiscord, IconRefresh } from '@tabler/icons-react';
import type { DiscordStatus } from '@shared/domain/discord';
import type { DiscordPending } from '@shared/domain/moderation';
import { KeyHint } from '@renderer/components/KeyHint';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { formatUtc } from '@renderer/lib/format';
import { discordActionText } from './describe-case';
import classes from './moderation.module.css';

const NO_ANSWER =
  'No answer from Discord is recorded: it may still be on its way, or the desk stopped before it recorded it. A desk that starts checks what Discord shows.';

export interface DiscordPendingNoticeProps {
  pending: DiscordPending[];
  discord: DiscordStatus | undefined;
  retrying: boolean;
  onRetry(key: string): void;
}

export function DiscordPendingNotice({ pending, discord, retrying, onRetry }: DiscordPendingNoticeProps) {
  if (pending.length === 0) return null;
  const configured = discord?.configured === true;
  return (
    <Stack gap={6} mt="sm">
      {pending.map((p, index) => (
        <Alert
          key={p.key}
          color={p.state === 'refused' ? 'red' : 'orange'}
          variant="light"
          icon={p.state === 'refused' ? <IconAlertTriangle size={18} /> : <IconBrandDiscord size={18} />}
          title={p.state === 'refused' ? `Not carried out on Discord: ${discordActionText(p.action)}` : 'Discord outcome unknown'}
          role={p.state === 'refused' ? 'alert' : undefined}
          data-testid="discord-unknown"
          data-action={p.action}
          data-state={p.state}
          styles={{ title: { marginBottom: 2 } }}
        >
          <Stack gap={6}>
            <Text size="sm">
              {p.by.name ?? p.by.id.toString()} asked Discord to {discordActionText(p.action)}
              {p.until ? ` until ${formatUtc(p.until)}` : ''} <RelativeTime value={p.at} size="sm" />.{' '}
              {p.state === 'refused' ? 'Discord refused: the case says it, Discord does not.' : 'Whether Discord did is not known.'}
            </Text>
            <Text size="xs" c="dimmed" className={classes.plainText}>
              {p.state === 'refused' ? (p.message ?? '').replace(/^Not carried out on Discord: /, '') : (p.message ?? NO_ANSWER)}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                color={p.state === 'refused' ? 'red' : 'orange'}
                variant="filled"
                leftSection={<IconRefresh size={14} />}
                rightSection={index === 0 ? <KeyHint keys="d" /> : undefined}
                disabled={!configured || retrying}
                loading={retrying}
                onClick={() => onRetry(p.key)}
                data-testid="discord-retry"
              >
                Retry on Discord
              </Button>
              {!configured ? (
                <Text size="xs" c="dimmed">
                  {discord?.reason ?? 'Discord is not configured.'}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
