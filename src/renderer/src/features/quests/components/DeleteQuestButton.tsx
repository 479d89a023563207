import { Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { StoredQuest } from '../../../../../shared/domain/quests';
import { notifySuccess } from '../../../lib/notify';
import { useQuestDeletionPreview } from '../api/get-quest';
import { useDeleteQuest } from '../api/save-quest';

/** Delete with the count of players whose progress goes with it, said before and after. */
export function DeleteQuestButton({ quest, onDeleted }: { quest: StoredQuest; onDeleted(): void }) {
  const [open, setOpen] = useState(false);
  const preview = useQuestDeletionPreview(open ? quest.id : null);
  const remove = useDeleteQuest();
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setOpen(true)} data-testid="quest-delete">
        Delete
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Delete “${quest.name}”?`}>
        {preview.isPending ? (
          <Loader size="sm" />
        ) : (
          <Stack gap="sm">
            <Text size="sm" data-testid="quest-delete-consequence">
              {preview.data?.consequence ?? 'The quest will be removed.'}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                data-testid="quest-delete-confirm"
                onClick={() =>
                  remove.mutate(
                    { id: quest.id, version: quest.version },
                    {
                      onSuccess: (done) => {
                        setOpen(false);
                        notifySuccess(
                          `Deleted “${quest.name}”`,
                          done.deletedProgressRows ? `${done.deletedProgressRows.toLocaleString('en-US')} user_quests rows went with it.` : 'No player had progress on it.',
                        );
                        onDeleted();
                      },
                    },
                  )
                }
              >
                {preview.data?.playersWithProgress ? `Delete quest and ${preview.data.playersWithProgress.toLocaleString('en-US')} progress rows` : 'Delete quest'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
