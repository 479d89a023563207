import { Group, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import type { SettingsView, Theme } from '@shared/domain/settings';
import { useDeskTheme } from '@renderer/lib/use-desk-theme';
import { useSetNotifications } from '../api';

/** Notifications and theme: saved as soon as they change. */
export function PreferencesSection({ view }: { view: SettingsView }) {
  const notifications = useSetNotifications();
  const { theme, setTheme } = useDeskTheme();
  const newCases = notifications.isPending && notifications.variables ? notifications.variables.newCases : view.notifications.newCases;
  return (
    <Stack gap="lg" maw={560}>
      <Stack gap="xs">
        <Title order={3}>Notifications</Title>
        <Switch
          label="Tell me when a new moderation case arrives"
          description="A desktop notification for each case the bot opens while Aurora Desk is running."
          checked={newCases}
          onChange={(e) => notifications.mutate({ newCases: e.currentTarget.checked })}
          data-testid="notify-new-cases"
        />
      </Stack>
      <Stack gap="xs">
        <Title order={3}>Theme</Title>
        <Group gap="sm">
          <SegmentedControl
            value={theme}
            onChange={(value) => setTheme(value as Theme)}
            data={[
              { value: 'dark', label: 'Dark' },
              { value: 'light', label: 'Light' },
            ]}
            data-testid="theme-control"
          />
          <Text size="xs" c="dimmed">
            Alt+T switches anywhere.
          </Text>
        </Group>
      </Stack>
    </Stack>
  );
}
