import { Button, Checkbox, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import type { ProfileView, TestProfileInput } from '@shared/domain/settings';
import { notifySuccess } from '@renderer/lib/notify';
import { useSaveProfile, useTestProfile } from '../api';
import { useSettingsForm } from '../hooks/use-settings-form';
import { FormError } from './FormError';
import { TestResultView } from './TestResultView';
import { monoInput } from './mono-input';

export interface ProfileFormProps {
  /** null: a new PostgreSQL profile. */
  profile: ProfileView | null;
  onClose(): void;
}

/**
 * A connection profile: name, postgres:// URL and password. The password is write-only: the
 * form never receives it back, it only knows whether one is stored.
 */
export function ProfileForm({ profile, onClose }: ProfileFormProps) {
  const embedded = profile?.kind === 'embedded';
  const save = useSaveProfile();
  const test = useTestProfile();
  const form = useSettingsForm({ name: profile?.name ?? '', url: profile?.url ?? '', password: '' }, save.error);
  const [clearPassword, setClearPassword] = useState(false);
  const { name, url, password } = form.values;
  const dirty = form.dirty || clearPassword;

  const runTest = () => {
    // An unchanged saved URL is tested with its stored password unless a new one is typed.
    const input: TestProfileInput =
      profile && (embedded || url === profile.url)
        ? { id: profile.id, ...(password ? { password } : {}) }
        : { url, ...(password ? { password } : {}) };
    test.mutate(input);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        ...(profile ? { id: profile.id } : {}),
        name,
        ...(embedded ? {} : { url }),
        ...(clearPassword ? { password: null } : password ? { password } : {}),
      },
      {
        onSuccess: (saved) => {
          notifySuccess(profile ? 'Profile saved' : 'Profile added', `${saved.name} (${saved.label})`);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeOnClickOutside={!dirty}
      title={<Text fw={600}>{profile ? `Edit “${profile.name}”` : 'New PostgreSQL profile'}</Text>}
    >
      <form onSubmit={submit} data-testid="profile-form">
        <Stack gap="sm">
          <TextInput label="Name" placeholder="Aurora production" {...form.bind('name')} data-autofocus required />
          {embedded ? (
            <Text size="xs" c="dimmed">
              The embedded demo database lives in Aurora Desk&apos;s data folder; only its name can change.
            </Text>
          ) : (
            <>
              <TextInput
                label="Database URL"
                description="postgres://user@host:5432/database — a password typed here is moved to the password field's safe storage."
                placeholder="postgres://aurora@db.example:5432/aurora"
                {...form.bind('url')}
                styles={monoInput}
                required
                spellCheck={false}
                autoComplete="off"
              />
              <PasswordInput
                label="Password"
                description={profile?.hasPassword ? 'A password is stored. Leave empty to keep it.' : 'Stored encrypted by the operating system; never shown again.'}
                placeholder={profile?.hasPassword ? '•••••••• (stored)' : ''}
                {...form.bind('password')}
                disabled={clearPassword}
                autoComplete="new-password"
              />
              {profile?.hasPassword ? (
                <Checkbox label="Remove the stored password" checked={clearPassword} onChange={(e) => setClearPassword(e.currentTarget.checked)} />
              ) : null}
            </>
          )}
          <FormError message={form.formError} />
          {test.data ? <TestResultView result={test.data} /> : null}
          <Group justify="space-between">
            <Button
              variant="default"
              leftSection={<IconPlugConnected size={14} />}
              onClick={runTest}
              loading={test.isPending}
              disabled={!embedded && url.trim() === ''}
              data-testid="profile-form-test"
            >
              Test connection
            </Button>
            <Group gap="xs">
              <Button variant="subtle" color="gray" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="profile-form-save">
                Save
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
