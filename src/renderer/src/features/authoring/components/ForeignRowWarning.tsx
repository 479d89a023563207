import { Alert, Badge, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ContractIssue } from '@shared/domain/authoring';
import { CAUTION_TEXT, cautionAlertStyles } from '../caution';

/** A row the bot (or a script) wrote in a shape the contract does not know: why, and what happens to it. */
export function ForeignRowWarning({ noun, issues, children }: { noun: string; issues: readonly ContractIssue[]; children: ReactNode }) {
  if (!issues.length) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={16} />}
      title={`Stored in a shape the ${noun} contract does not know`}
      styles={cautionAlertStyles}
      data-testid={`${noun}-foreign-warning`}
    >
      <Text size="xs">{children}</Text>
      <Text size="xs" mt={4} ff="monospace">
        {issues
          .slice(0, 6)
          .map((i) => `${i.path || noun}: ${i.message}`)
          .join(' · ')}
      </Text>
    </Alert>
  );
}

/** Marks a foreign row in a list; the reasons are in its tooltip. */
export function ForeignBadge({ issues }: { issues: readonly ContractIssue[] }) {
  return (
    <Badge size="xs" color="yellow" variant="outline" style={{ flex: 'none', color: CAUTION_TEXT, borderColor: CAUTION_TEXT }} title={issues.map((i) => `${i.path}: ${i.message}`).join('\n')}>
      foreign
    </Badge>
  );
}
