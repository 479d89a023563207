import { Alert, Button, Code, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { formatUtc } from '@renderer/lib/format';
import type { AuthoredRow, AuthoringDraft } from '../use-authoring-draft';

export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

export interface ConflictCompareProps {
  opened: boolean;
  what: string;
  changedBy?: string;
  changedAt?: string;
  fields: ConflictField[];
  /** Save my version over theirs (they will see a conflict if they save again). */
  onKeepMine(): void;
  /** Drop my edits and load their version. */
  onTakeTheirs(): void;
  onClose(): void;
}

/** Someone saved first: both versions side by side, differences marked, and the two ways on. */
export function ConflictCompare({ opened, what, changedBy, changedAt, fields, onKeepMine, onTakeTheirs, onClose }: ConflictCompareProps) {
  const differing = fields.filter((f) => f.mine !== f.theirs).length;
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Group gap="xs"><IconGitCompare size={18} /><Text fw={600}>{what} changed while you edited it</Text></Group>}>
      <Stack gap="sm" data-testid="conflict-compare">
        <Alert color="yellow" variant="light" p="xs">
          <Text size="sm">
            {!changedBy || changedBy.startsWith('outside') ? (
              <>Changed outside Aurora Desk (by the bot or another tool)</>
            ) : (
              <>
                Saved by <b>{changedBy}</b>
                {changedAt ? ` at ${formatUtc(changedAt)}` : ''}
              </>
            )}
            . {differing} of {fields.length} fields differ from yours. Your edits are kept until you choose.
          </Text>
        </Alert>
        <ScrollArea.Autosize mah="60vh">
          <Table withColumnBorders layout="fixed" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>Field</Table.Th>
                <Table.Th>Yours (not saved)</Table.Th>
                <Table.Th>Theirs (saved now)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => {
                const differs = field.mine !== field.theirs;
                return (
                  <Table.Tr key={field.label} data-differs={differs} bg={differs ? 'var(--mantine-color-yellow-light)' : undefined}>
                    <Table.Td>
                      <Text size="xs" fw={differs ? 700 : 400}>
                        {field.label}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code block fz={11} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                        {field.mine || '—'}
                      </Code>
                    </Table.Td>
                    <Table.Td>
                      <Code block fz={11} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                        {field.theirs || '—'}
                      </Code>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Decide later
          </Button>
          <Button variant="light" color="gray" onClick={onTakeTheirs} data-testid="conflict-take-theirs">
            Load theirs, drop mine
          </Button>
          {/* autoContrast: dark text on yellow, which white text does not read on in either scheme. */}
          <Button color="yellow" autoContrast onClick={onKeepMine} data-testid="conflict-keep-mine">
            Save mine over theirs
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The draft's conflict, if it has one, with the fields of both versions. */
export function DraftConflictCompare<Stored extends AuthoredRow>({
  draft,
  fields,
}: {
  draft: Pick<AuthoringDraft<Stored, unknown, unknown, unknown>, 'conflict' | 'conflictChoices'>;
  fields(theirs: Stored): ConflictField[];
}) {
  const { conflict, conflictChoices } = draft;
  if (!conflict) return null;
  return (
    <ConflictCompare
      opened
      what={`“${conflict.current.name}”`}
      changedBy={conflict.changedBy}
      changedAt={conflict.changedAt}
      fields={fields(conflict.current)}
      onClose={conflictChoices.close}
      onTakeTheirs={conflictChoices.takeTheirs}
      onKeepMine={conflictChoices.keepMine}
    />
  );
}
