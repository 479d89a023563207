import { Alert, Badge, Button, FileButton, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { PackAction, PackPlan } from '@shared/domain/quest-pack';
import { notifySuccess } from '@renderer/lib/notify';
import { useApplyImport, usePreviewImport } from '../api';

const actionColour: Record<PackAction, string> = { create: 'teal', update: 'blue', unchanged: 'gray', invalid: 'red' };
/** What needs attention first: invalid entries, then what would change. */
const actionOrder: Record<PackAction, number> = { invalid: 0, create: 1, update: 2, unchanged: 3 };

/** Import a pack: pick the file, read the dry run, then apply everything in one transaction. */
export function PackImportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [plan, setPlan] = useState<PackPlan | null>(null);
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const reset = () => {
    setFile(null);
    setPlan(null);
  };
  const pick = async (picked: File | null) => {
    if (!picked) return;
    const text = await picked.text();
    setFile({ name: picked.name, text });
    setPlan(null);
    preview.mutate({ text }, { onSuccess: setPlan });
  };
  const changes = plan ? plan.counts.create + plan.counts.update : 0;

  return (
    <Modal
      opened={opened}
      onClose={() => {
        reset();
        onClose();
      }}
      size="xl"
      title={
        <Group gap="xs">
          <IconFileImport size={18} />
          <Text fw={600}>Import a quest pack</Text>
        </Group>
      }
    >
      <Stack gap="sm" data-testid="pack-import">
        <Group gap="sm">
          <FileButton onChange={(f) => void pick(f)} accept="application/json,.json">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconUpload size={14} />} data-testid="pack-import-pick">
                {file ? 'Pick another file' : 'Pick a .json file'}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {file ? file.name : 'Items are matched by name, so a pack from another Aurora database lands on the right items.'}
          </Text>
        </Group>
        {preview.isPending ? <Text size="sm">Reading the pack…</Text> : null}
        {plan ? (
          <>
            {plan.fileErrors.length ? (
              <Alert color="red" variant="light" title="This file cannot be imported">
                <List size="sm">
                  {plan.fileErrors.map((e) => (
                    <List.Item key={e}>{e}</List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <Group gap="xs" data-testid="pack-import-counts">
                {(Object.keys(plan.counts) as PackAction[]).map((action) => (
                  <Badge key={action} color={actionColour[action]} variant={plan.counts[action] ? 'filled' : 'light'}>
                    {plan.counts[action]} {action === 'create' ? 'to create' : action === 'update' ? 'to update' : action}
                  </Badge>
                ))}
              </Group>
            )}
            {plan.entries.length ? (
              <ScrollArea.Autosize mah="45vh">
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={60}>Kind</Table.Th>
                      <Table.Th>Name</Table.Th>
                      <Table.Th w={116}>Action</Table.Th>
                      <Table.Th>Details</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...plan.entries].sort((a, b) => actionOrder[a.action] - actionOrder[b.action]).map((entry) => (
                      <Table.Tr key={`${entry.kind}-${entry.index}`} data-action={entry.action}>
                        <Table.Td>
                          <Text size="xs" c="dimmed">
                            {entry.kind}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{entry.name}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={actionColour[entry.action]}>{entry.action}</Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs" c={entry.action === 'invalid' ? 'red' : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                            {entry.action === 'invalid' ? entry.reasons.join('\n') : entry.action === 'update' ? `changes ${entry.changedFields.join(', ')}` : ''}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            ) : null}
            {plan.counts.invalid ? (
              <Text size="xs" c="red">
                Fix the invalid entries in the file first: a pack is imported whole or not at all.
              </Text>
            ) : null}
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button
            disabled={!file || !plan?.canApply || changes === 0}
            loading={apply.isPending}
            data-testid="pack-import-apply"
            onClick={() =>
              file &&
              apply.mutate(
                { text: file.text },
                {
                  onSuccess: (done) => {
                    notifySuccess('Pack imported', `${done.created.length} created, ${done.updated.length} updated, in one transaction.`);
                    reset();
                    onClose();
                  },
                },
              )
            }
          >
            {changes ? `Import ${changes} change${changes === 1 ? '' : 's'}` : 'Nothing to import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
