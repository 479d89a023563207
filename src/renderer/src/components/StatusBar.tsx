import { Button, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconDatabase, IconLock, IconUser, IconUserExclamation } from '@tabler/icons-react';
import type { LiveFeed } from '../lib/live';
import { navigate } from '../lib/router';
import { useSystemStatus } from '../lib/system-status';
import classes from './shell.module.css';

const modeLabels = { live: 'Live', polling: 'Polling', offline: 'Offline', connecting: 'Connecting' } as const;

const modeHelp = {
  live: 'Changes in the database appear here as they happen.',
  polling: 'Live notifications are not available; the desk checks for changes every few seconds.',
  offline: 'The desk is not receiving changes: what is on screen may be out of date.',
  connecting: 'Connecting to the live feed…',
} as const;

/** Connection, live mode and the acting staff identity, always in view. */
export function StatusBar({ live }: { live: LiveFeed }) {
  const status = useSystemStatus();
  const connection = status.data?.connection;
  const identity = status.data?.identity;
  const readOnly = status.data?.readOnlyReason;
  const mode = live.mode;
  const retry = () => {
    live.retry();
    void status.refetch();
  };

  const connectionText = connection
    ? connection.label === 'embedded'
      ? 'Embedded demo database'
      : connection.label
    : status.isError
      ? 'Not connected'
      : 'Connecting…';

  return (
    <Group justify="space-between" wrap="nowrap" gap="md" className={classes.statusBar} data-testid="status-bar">
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        <Tooltip label={connection?.problem ?? (connection ? `${connection.driver === 'pglite' ? 'PGlite' : 'PostgreSQL'} · profile ${connection.profileId}` : 'Asking the main process…')}>
          <UnstyledButton className={classes.statusLink} onClick={() => navigate({ area: 'settings', search: { section: 'connection' } })} data-testid="status-connection">
            <IconDatabase size={13} />
            <Text span inherit c={connection?.problem ? 'red' : undefined} truncate="end" maw={320}>
              {connection?.problem ? `${connectionText}: ${connection.problem}` : connectionText}
            </Text>
          </UnstyledButton>
        </Tooltip>

        <Tooltip label={live.reason ? `${modeHelp[mode]} ${live.reason}` : modeHelp[mode]} multiline maw={360}>
          <span className={classes.statusItem} data-testid="status-live" data-mode={mode}>
            <span className={classes.dot} data-mode={mode} />
            <Text span inherit>
              {modeLabels[mode]}
            </Text>
            {mode !== 'live' && live.reason ? (
              <Text span inherit truncate="end" maw={280}>
                — {live.reason}
              </Text>
            ) : null}
          </span>
        </Tooltip>
        {mode === 'offline' || status.isError ? (
          <Button size="compact-xs" variant="light" color="red" onClick={retry} data-testid="status-retry">
            Retry
          </Button>
        ) : null}

        {readOnly ? (
          <Tooltip label={readOnly} multiline maw={360}>
            <span className={classes.statusItem} style={{ color: 'var(--mantine-color-yellow-text)' }}>
              <IconLock size={13} />
              Read-only
            </span>
          </Tooltip>
        ) : null}
      </Group>

      <UnstyledButton
        className={classes.statusLink}
        onClick={() => navigate({ area: 'settings', search: { section: 'identity' } })}
        data-testid="status-identity"
      >
        {identity ? (
          <>
            <IconUser size={13} />
            <Text span inherit>
              Acting as{' '}
              <Text span inherit fw={600} c="var(--mantine-color-text)">
                {identity.name}
              </Text>{' '}
              <Text span inherit ff="monospace">
                ({identity.id.toString()})
              </Text>
            </Text>
          </>
        ) : status.data ? (
          <>
            <IconUserExclamation size={13} color="var(--mantine-color-yellow-text)" />
            <Text span inherit c="var(--mantine-color-yellow-text)">
              No staff identity — set it in Settings
            </Text>
          </>
        ) : null}
      </UnstyledButton>
    </Group>
  );
}
