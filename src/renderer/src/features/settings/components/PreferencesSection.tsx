import { Button, Group, SegmentedControl, Stack, Switch, TagsInput, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DISCORD_IMAGE_HOSTS, MAX_IMAGE_HOSTS } from '@shared/domain/images';
import type { SettingsView, Theme } from '@shared/domain/settings';
import { fieldErrorsOf } from '@renderer/lib/errors';
import { notifySuccess } from '@renderer/lib/notify';
import { useDeskTheme } from '@renderer/lib/use-desk-theme';
import { useSetImageHosts, useSetNotifications } from '../api';

/** Image hosts staff allow besides Discord's CDN; saved with a button (it changes what every screen fetches). */
function ImageHostsField({ saved }: { saved: string[] }) {
  const [hosts, setHosts] = useState(saved);
  const save = useSetImageHosts();
  const errors = save.error ? fieldErrorsOf(save.error) : {};
  const error = Object.entries(errors).find(([path]) => path.startsWith('hosts'))?.[1];
  const dirty = hosts.join('\n') !== saved.join('\n');
  return (
    <Stack gap="xs">
      <Title order={3}>Images</Title>
      <TagsInput
        label="Image hosts"
        description={`Item icons and pictures load from Discord's CDN (${DISCORD_IMAGE_HOSTS.join(', ')}) and these hosts only; any other address shows the item's glyph. Type a host name and press Enter.`}
        placeholder="images.example.com"
        value={hosts}
        onChange={setHosts}
        maxTags={MAX_IMAGE_HOSTS}
        error={error}
        data-testid="image-hosts"
      />
      <Group gap="sm">
        <Button
          size="xs"
          disabled={!dirty}
          loading={save.isPending}
          // The saved list comes back as the view (this field is then keyed anew), so say so from the promise.
          onClick={() => void save.mutateAsync({ hosts }).then(() => notifySuccess('Image hosts saved'), () => undefined)}
        >
          Save image hosts
        </Button>
        <Text size="xs" c="dimmed">
          The window's security policy takes new hosts at its next load (Ctrl+R).
        </Text>
      </Group>
    </Stack>
  );
}

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
      <ImageHostsField key={view.imageHosts.join('\n')} saved={view.imageHosts} />
    </Stack>
  );
}
