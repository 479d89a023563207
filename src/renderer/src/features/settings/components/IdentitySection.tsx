import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import type { SettingsView } from '@shared/domain/settings';
import { Snowflake } from '@renderer/components/Snowflake';
import { notifySuccess } from '@renderer/lib/notify';
import { useLeaveGuard } from '@renderer/lib/router';
import { useSetIdentity } from '../api';
import { useSettingsForm } from '../hooks/use-settings-form';
import { FormError } from './FormError';
import { SnowflakeInput } from './SnowflakeInput';

/**
 * Who is acting: every change made from this desk names this Discord ID as moderator,
 * resolver or transaction party, and the audit log records it.
 */
export function IdentitySection({ view }: { view: SettingsView }) {
  const current = view.identity;
  const save = useSetIdentity();
  const form = useSettingsForm({ id: current?.id.toString() ?? '', name: current?.name ?? '' }, save.error);
  useLeaveGuard(form.dirty, 'Your staff identity is not saved yet. Leave and discard it?');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // The ID stays a decimal string until the main process parses it: never a JS number.
    save.mutate({ id: form.values.id.trim(), name: form.values.name }, { onSuccess: (saved) => notifySuccess('Staff identity saved', `Acting as ${saved.name}.`) });
  };

  return (
    <Stack gap="md" maw={560}>
      <Title order={3}>Staff identity</Title>
      {current ? (
        <Group gap="xs">
          <IconUserCheck size={16} color="var(--mantine-color-teal-text)" />
          <Text size="sm">
            Acting as <Text span fw={600} inherit>{current.name}</Text>
          </Text>
          <Snowflake id={current.id} kind="Discord user ID" />
        </Group>
      ) : (
        <Alert color="yellow" title="No staff identity yet">
          Changes (resolving cases, spawning lootdrops, editing quests) need to know who makes them. Enter your Discord user ID and name.
        </Alert>
      )}
      <form onSubmit={submit} data-testid="identity-form">
        <Stack gap="sm">
          <SnowflakeInput
            label="Discord user ID"
            description="In Discord: Settings → Advanced → Developer Mode, then right-click your name → Copy User ID."
            {...form.bind('id')}
            data-testid="identity-id"
          />
          <TextInput label="Display name" description="How your actions are shown to other staff." placeholder="Nyx" {...form.bind('name')} data-testid="identity-name" />
          <FormError message={form.formError} />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!form.dirty} data-testid="identity-save">
              Save identity
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
