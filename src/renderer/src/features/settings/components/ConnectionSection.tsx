import { ActionIcon, Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconDatabase, IconInfoCircle, IconKey, IconLock, IconPencil, IconPlayerPlay, IconPlugConnected, IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { ProfileTestResult, ProfileView, SettingsView } from '@shared/domain/settings';
import { ErrorState } from '@renderer/components/ErrorState';
import { notifyInfo, notifySuccess } from '@renderer/lib/notify';
import { useConnectionReport, useDeleteProfile, useSwitchProfile, useTestProfile } from '../api';
import { ProfileForm } from './ProfileForm';
import { SchemaReportView } from './SchemaReportView';
import { TestResultView } from './TestResultView';

function CurrentConnection() {
  const report = useConnectionReport();
  if (report.isPending) return <Loader size="sm" />;
  if (report.isError) return <ErrorState compact error={report.error} onRetry={() => void report.refetch()} what="the connection" />;
  const { connection, readOnlyReason } = report.data;
  return (
    <Card withBorder padding="sm" data-testid="current-connection">
      <Stack gap="xs">
        <Group gap="xs">
          <IconDatabase size={16} />
          <Text size="sm">
            {connection.problem ? 'Not connected: ' : 'Connected to '}
            <Text span fw={600} inherit>
              {connection.label === 'embedded' ? 'the embedded demo database' : connection.label}
            </Text>
            <Text span c="dimmed" inherit>
              {' '}
              · {connection.profileId === 'env' ? 'from AURORA_DATABASE_URL' : `profile ${connection.profileId}`} · {connection.driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}
            </Text>
          </Text>
        </Group>
        {connection.problem ? (
          <Alert color="red" title="No database is open">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {connection.problem}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              Fix the profile below and switch to it, or switch to the embedded demo.
            </Text>
          </Alert>
        ) : null}
        {readOnlyReason ? (
          <Alert color="yellow" icon={<IconLock size={16} />} title="Read-only connection">
            {readOnlyReason}
          </Alert>
        ) : null}
        {report.data.notes.map((note) => (
          <Alert key={note} color="gray" variant="light" icon={<IconInfoCircle size={16} />} p="xs" data-testid="connection-note">
            <Text size="sm">{note}</Text>
          </Alert>
        ))}
        {report.data.report ? <SchemaReportView report={report.data.report} /> : null}
      </Stack>
    </Card>
  );
}

/** Connection profiles: the embedded demo and PostgreSQL URLs; test, switch, edit, delete. */
export function ConnectionSection({ view }: { view: SettingsView }) {
  const [editing, setEditing] = useState<ProfileView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ProfileView | null>(null);
  const [results, setResults] = useState<Record<string, ProfileTestResult>>({});
  const [testingId, setTestingId] = useState<string | null>(null);
  const test = useTestProfile();
  const switcher = useSwitchProfile();
  const remove = useDeleteProfile();

  const runTest = (profile: ProfileView) => {
    setTestingId(profile.id);
    test.mutate(
      { id: profile.id },
      {
        onSuccess: (result) => setResults((all) => ({ ...all, [profile.id]: result })),
        onSettled: () => setTestingId(null),
      },
    );
  };

  const switchTo = (profile: ProfileView) => {
    switcher.mutate(
      { id: profile.id },
      {
        onSuccess: (result) => {
          notifySuccess(`Switched to ${profile.name}`, `Connected to ${result.label}.`);
          if (!result.report.ok && !result.report.empty) notifyInfo('The schema differs', 'See the report under Connection.');
          if (result.readOnlyReason) notifyInfo('Read-only connection', result.readOnlyReason);
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={960}>
      <Title order={3}>Current connection</Title>
      {view.overriddenBy ? (
        <Alert color="yellow" title="AURORA_DATABASE_URL is set">
          This session uses {view.overriddenBy} from the environment. Switching to a profile below replaces it until the app restarts.
        </Alert>
      ) : null}
      <CurrentConnection />

      <Group justify="space-between">
        <Title order={3}>Profiles</Title>
        <Button leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="profile-add">
          Add PostgreSQL profile
        </Button>
      </Group>
      {!view.secretsAvailable ? (
        <Alert color="yellow" icon={<IconKey size={16} />} title="No secure storage on this computer">
          Passwords cannot be saved here. Use a ~/.pgpass file, or start Aurora Desk with AURORA_DATABASE_URL.
        </Alert>
      ) : null}
      <Table data-testid="profiles">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Database</Table.Th>
            <Table.Th>Password</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.overriddenBy ? (
            <Table.Tr data-testid="profile-environment">
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    AURORA_DATABASE_URL
                  </Text>
                  <Badge color="teal">in use</Badge>
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" truncate="end" maw={360}>
                  {view.overriddenBy}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  from the environment
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" ta="right">
                  this session only
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {view.profiles.map((profile) => (
            <Fragment key={profile.id}>
              <Table.Tr data-testid={`profile-${profile.id}`}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" fw={profile.active ? 600 : undefined}>
                      {profile.name}
                    </Text>
                    {profile.active ? <Badge color="teal">in use</Badge> : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" truncate="end" maw={360}>
                    {profile.kind === 'embedded' ? 'embedded PGlite (data folder)' : profile.url}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {profile.kind === 'embedded' ? (
                    <Text size="xs" c="dimmed">—</Text>
                  ) : (
                    <Badge color={profile.hasPassword ? 'blue' : 'gray'}>{profile.hasPassword ? 'set' : 'not set'}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    <Button size="compact-xs" variant="default" leftSection={<IconPlugConnected size={12} />} loading={testingId === profile.id} onClick={() => runTest(profile)}>
                      Test
                    </Button>
                    <Button
                      size="compact-xs"
                      leftSection={<IconPlayerPlay size={12} />}
                      disabled={profile.active}
                      loading={switcher.isPending && switcher.variables?.id === profile.id}
                      onClick={() => switchTo(profile)}
                      data-testid={`profile-switch-${profile.id}`}
                    >
                      Use
                    </Button>
                    <Tooltip label="Edit">
                      <ActionIcon aria-label={`Edit ${profile.name}`} onClick={() => setEditing(profile)}>
                        <IconPencil size={14} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={profile.kind === 'embedded' ? 'The embedded profile stays' : profile.active ? 'In use: switch first' : 'Delete'}>
                      <ActionIcon aria-label={`Delete ${profile.name}`} color="red" disabled={profile.kind === 'embedded' || profile.active} onClick={() => setDeleting(profile)}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
              {results[profile.id] ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <TestResultView result={results[profile.id]!} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>

      {editing ? <ProfileForm profile={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={<Text fw={600}>Delete profile</Text>}>
        <Stack gap="sm">
          <Text size="sm">
            Delete the profile “{deleting?.name}” ({deleting?.label}) and its stored password? The database itself is not touched.
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="subtle" color="gray" onClick={() => setDeleting(null)}>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                deleting &&
                remove.mutate(
                  { id: deleting.id },
                  {
                    onSuccess: () => {
                      notifySuccess('Profile deleted', deleting.name);
                      setDeleting(null);
                    },
                  },
                )
              }
            >
              Delete profile
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
