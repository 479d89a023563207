import { Alert, Button, Checkbox, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconForms } from '@tabler/icons-react';
import { parseJsonText, type ContractIssue } from '@shared/domain/authoring';
import { cautionAlertStyles } from '../caution';

export interface RawJsonFieldProps {
  /** Whose contract the text is checked against: 'quest' or 'item'. */
  contract: string;
  label: string;
  value: string;
  onChange(text: string): void;
  /** What the contract says about the text (empty: it matches). */
  issues: ContractIssue[];
  /** Raw text outside the contract is only saved when the game master says the bot reads it. */
  allowForeign: boolean;
  onAllowForeign(allow: boolean): void;
  /** False for a row not created yet: a new row is created only in the contract's shape. */
  offerForeign?: boolean;
  /** Offered when the text matches the contract: edit it with the form again. */
  onUseForm?: () => void;
  minRows?: number;
  testId?: string;
}

/** A jsonb column as text: shown and saved exactly as typed, checked against the contract. */
export function RawJsonField({ contract, label, value, onChange, issues, allowForeign, onAllowForeign, offerForeign = true, onUseForm, minRows = 4, testId }: RawJsonFieldProps) {
  // Text that is not JSON at all is a syntax error, which no checkbox can save.
  const syntax = !parseJsonText(value).ok;
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        autosize
        minRows={minRows}
        maxRows={16}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        data-testid={testId}
      />
      {issues.length ? (
        <Alert
          color={syntax ? 'red' : 'yellow'}
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={16} />}
          title={syntax ? 'Not valid JSON' : `Not in the ${contract} contract's shape`}
          styles={syntax ? undefined : cautionAlertStyles}
          data-testid={testId ? `${testId}-issues` : undefined}
        >
          <List size="xs" spacing={2}>
            {issues.slice(0, 8).map((issue, index) => (
              <List.Item key={`${issue.path}-${index}`}>
                <Text span size="xs" ff="monospace">
                  {issue.path || label}
                </Text>
                <Text span size="xs">
                  {' '}
                  {issue.message}
                </Text>
              </List.Item>
            ))}
          </List>
          {syntax ? (
            <Text size="xs" mt={4}>
              Fix the syntax to save: a jsonb column holds JSON only.
            </Text>
          ) : offerForeign ? (
            <Checkbox
              mt="xs"
              checked={allowForeign}
              onChange={(event) => onAllowForeign(event.currentTarget.checked)}
              label="Save this shape anyway: I know the bot reads it"
            />
          ) : (
            <Text size="xs" mt={4}>
              A new {contract} is created in the contract&apos;s shape; other shapes can be saved on an existing {contract}.
            </Text>
          )}
        </Alert>
      ) : onUseForm ? (
        <Group justify="flex-end">
          <Button size="compact-xs" variant="subtle" leftSection={<IconForms size={14} />} onClick={onUseForm}>
            Edit with the form
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
