/**
 * Notifications: one look for every outcome. Errors go through describeError so each kind
 * reads the same everywhere and carries its fix (e.g. "Open Settings" for a missing identity).
 */
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconInfoCircle, IconPlugConnectedX, IconUserQuestion } from '@tabler/icons-react';
import { describeError, type ErrorKind } from './errors';
import { navigate } from './router';

const icons: Partial<Record<ErrorKind, React.ReactNode>> = {
  identity: <IconUserQuestion size={18} />,
  connection: <IconPlugConnectedX size={18} />,
  unavailable: <IconPlugConnectedX size={18} />,
};

/** Shows an error; `context` names what failed ("Could not resolve case #12"). */
export function notifyError(error: unknown, context?: string): void {
  const view = describeError(error);
  const id = `error-${view.kind}-${view.title}`;
  const fix = view.fix;
  notifications.show({
    id,
    color: view.kind === 'conflict' || view.kind === 'identity' || view.kind === 'discord' ? 'yellow' : 'red',
    icon: icons[view.kind] ?? <IconAlertTriangle size={18} />,
    title: context ? `${context}: ${view.title}` : view.title,
    autoClose: view.kind === 'validation' ? 6000 : 10000,
    message: (
      <Stack gap={6} align="flex-start">
        {/* Plain text: error messages may quote database text. */}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {view.message}
        </Text>
        {fix ? (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => {
              notifications.hide(id);
              navigate({ area: fix.area, search: fix.section ? { section: fix.section } : undefined });
            }}
          >
            {fix.label}
          </Button>
        ) : null}
      </Stack>
    ),
  });
}

export function notifySuccess(title: string, message?: string): void {
  notifications.show({ color: 'teal', icon: <IconCheck size={18} />, title, message: message ?? '', autoClose: 4000 });
}

export function notifyInfo(title: string, message?: string): void {
  notifications.show({ color: 'aurora', icon: <IconInfoCircle size={18} />, title, message: message ?? '', autoClose: 5000 });
}

/** Something staff must act on that is not an error of theirs (Discord refused what the desk asked). Stays until closed. */
export function notifyWarning(title: string, message?: string): void {
  notifications.show({ color: 'orange', icon: <IconAlertTriangle size={18} />, title, message: message ?? '', autoClose: false });
}
