import { Alert, Button, Code, Group, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldConflict, MergeChoice } from '@shared/domain/row-merge';
import { formatUtc } from '@renderer/lib/format';
import { labelFields } from '../rebase';
import type { AuthoredRow, AuthoringDraft } from '../use-authoring-draft';

export interface ConflictCompareProps {
  opened: boolean;
  what: string;
  changedBy?: string;
  changedAt?: string;
  /** Only the fields both sides changed; everything else is already merged. */
  fields: FieldConflict[];
  labels: Record<string, string>;
  /** Save with a choice per field. */
  onResolve(choices: Record<string, MergeChoice>): void;
  /** Drop my edits and load their version. */
  onTakeTheirs(): void;
  onClose(): void;
}

const SIDES: { value: MergeChoice; label: string }[] = [
  { value: 'theirs', label: 'Theirs (saved now)' },
  { value: 'mine', label: 'Mine (not saved)' },
  { value: 'original', label: 'Original (as opened)' },
];

function Value({ text }: { text: string | null }) {
  return (
    <Code block fz={11} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {text ?? '— (none)'}
    </Code>
  );
}

/**
 * Someone saved first and changed a field this editor changed too: for each such field, theirs,
 * mine and the original side by side, one to choose. Fields only one side changed are merged
 * already and are not asked about.
 */
export function ConflictCompare({ opened, what, changedBy, changedAt, fields, labels, onResolve, onTakeTheirs, onClose }: ConflictCompareProps) {
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const left = fields.filter((f) => !choices[f.field]).length;
  const names = labelFields(
    fields.map((f) => f.field),
    labels,
  );
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Group gap="xs"><IconGitCompare size={18} /><Text fw={600}>{what} changed while you edited it</Text></Group>}>
      <Stack gap="sm" data-testid="conflict-compare">
        <Alert color="yellow" variant="light" p="xs">
          <Text size="sm">
            {!changedBy || changedBy.startsWith('outside') ? <>Changed by another desk, the bot or another tool</> : <>Saved by <b>{changedBy}</b>{changedAt ? ` at ${formatUtc(changedAt)}` : ''}</>}. You both
            changed {names.join(', ')}: choose which value to keep for each. Fields only one of you changed are merged already. Your edits are kept until you choose.
          </Text>
        </Alert>
        <ScrollArea.Autosize mah="60vh">
          <Table withColumnBorders layout="fixed" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>Field</Table.Th>
                {SIDES.map((side) => (
                  <Table.Th key={side.value}>{side.label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field, index) => (
                <Table.Tr key={field.field} data-conflict-field={field.field}>
                  <Table.Td>
                    <Text size="xs" fw={700}>
                      {names[index]}
                    </Text>
                  </Table.Td>
                  {SIDES.map((side) => (
                    <Table.Td key={side.value}>
                      <Stack gap={4}>
                        <Radio
                          size="xs"
                          name={`conflict-${field.field}`}
                          label={`Keep ${side.value}`}
                          checked={choices[field.field] === side.value}
                          onChange={() => setChoices((before) => ({ ...before, [field.field]: side.value }))}
                          data-testid={`conflict-choose-${side.value}-${field.field}`}
                        />
                        <Value text={side.value === 'theirs' ? field.theirs : side.value === 'mine' ? field.mine : field.original} />
                      </Stack>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Group justify="flex-end" gap="xs">
          {left > 0 ? (
            <Text size="xs" c="dimmed" id="conflict-save-reason" data-testid="conflict-save-reason">
              Choose a value for {left === 1 ? 'the field' : `${left} fields`} first
            </Text>
          ) : null}
          <Button variant="default" onClick={onClose}>
            Decide later
          </Button>
          <Button variant="light" color="gray" onClick={onTakeTheirs} data-testid="conflict-take-theirs">
            Load theirs, drop mine
          </Button>
          {/* autoContrast: dark text on yellow, which white text does not read on in either scheme. */}
          <Button color="yellow" autoContrast disabled={left > 0} aria-describedby={left > 0 ? 'conflict-save-reason' : undefined} onClick={() => onResolve(choices)} data-testid="conflict-save">
            Save with these choices
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The draft's conflict, if it has one. */
export function DraftConflictCompare<Stored extends AuthoredRow>({
  draft,
}: {
  draft: Pick<AuthoringDraft<Stored, unknown, unknown, unknown>, 'conflict' | 'conflictChoices' | 'fieldLabels'>;
}) {
  const { conflict, conflictChoices } = draft;
  if (!conflict) return null;
  return (
    <ConflictCompare
      opened
      what={`“${conflict.current.name}”`}
      changedBy={conflict.changedBy}
      changedAt={conflict.changedAt}
      fields={conflict.fields}
      labels={draft.fieldLabels}
      onClose={conflictChoices.close}
      onTakeTheirs={conflictChoices.takeTheirs}
      onResolve={conflictChoices.resolve}
    />
  );
}
