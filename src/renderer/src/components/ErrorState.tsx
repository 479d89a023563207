import { Button, Group } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnectedX, IconRefresh, IconSettings } from '@tabler/icons-react';
import { describeError } from '../lib/errors';
import { navigate } from '../lib/router';
import { EmptyState } from './EmptyState';

export interface ErrorStateProps {
  error: unknown;
  /** Usually the query's refetch. */
  onRetry?: () => void;
  /** What could not be loaded: "the case list". */
  what?: string;
  compact?: boolean;
}

/** A failed load, in words, with a retry and (where it helps) the way to Settings. */
export function ErrorState({ error, onRetry, what, compact }: ErrorStateProps) {
  const view = describeError(error);
  const fix = view.fix;
  const icon = view.kind === 'connection' || view.kind === 'unavailable' ? <IconPlugConnectedX size={22} /> : <IconAlertTriangle size={22} />;
  return (
    <EmptyState
      compact={compact}
      icon={icon}
      title={what ? `Could not load ${what}` : view.title}
      action={
        <Group gap="xs" justify="center">
          {onRetry ? (
            <Button variant="default" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
              Try again
            </Button>
          ) : null}
          {fix ? (
            <Button
              variant="light"
              leftSection={<IconSettings size={14} />}
              onClick={() => navigate({ area: fix.area, search: fix.section ? { section: fix.section } : undefined })}
            >
              {fix.label}
            </Button>
          ) : null}
        </Group>
      }
    >
      <span style={{ whiteSpace: 'pre-wrap' }}>{what ? `${view.title}. ${view.message}` : view.message}</span>
    </EmptyState>
  );
}
