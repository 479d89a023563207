import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconLock, IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import type { ConnectionProblem, ProfileTestResult } from '@shared/domain/settings';
import { SchemaReportView } from './SchemaReportView';

const problemTitles: Record<ConnectionProblem, string> = {
  'bad-url': 'The URL is not valid',
  unreachable: 'The server cannot be reached',
  auth: 'The login was refused',
  'no-database': 'There is no such database',
  tls: 'A TLS (SSL) problem',
  timeout: 'No answer in time',
  other: 'Could not connect',
};

/** The answer of a connection test: connected (with the schema report) or why not. */
export function TestResultView({ result }: { result: ProfileTestResult }) {
  if (!result.ok) {
    return (
      <Alert color="red" icon={<IconPlugConnectedX size={16} />} title={problemTitles[result.problem]} data-testid="test-result" data-ok="false">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {result.message}
        </Text>
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid="test-result" data-ok="true">
      <Group gap={6}>
        <IconPlugConnected size={16} color="var(--mantine-color-teal-text)" />
        <Text size="sm">
          Connected to <Text span fw={600} inherit>{result.label}</Text>
          {result.driver === 'pglite' ? ' (embedded PGlite' : ' (PostgreSQL'} {result.serverVersion})
        </Text>
      </Group>
      {result.readOnlyReason ? (
        <Alert color="yellow" icon={<IconLock size={16} />} title="Read-only">
          {result.readOnlyReason}
        </Alert>
      ) : null}
      <SchemaReportView report={result.report} />
    </Stack>
  );
}
