import { Alert, Loader, Stack, Text } from '@mantine/core';
import type { StoredQuest } from '@shared/domain/quests';
import { notifySuccess } from '@renderer/lib/notify';
import { DeleteConfirmFooter } from '../../authoring';
import { useDeleteQuest, useQuestDeletionPreview } from '../api';

/** The quest's delete confirmation, with the count of players whose progress goes with it, said before and after. */
export function QuestDeletion({ quest, close, onDeleted }: { quest: StoredQuest; close(): void; onDeleted(): void }) {
  const preview = useQuestDeletionPreview(quest.id);
  const remove = useDeleteQuest();
  if (preview.isPending) return <Loader size="sm" />;
  const players = preview.data?.playersWithProgress;
  return (
    <Stack gap="sm">
      <Text size="sm" data-testid="quest-delete-consequence">
        {preview.data?.consequence ?? 'The quest will be removed.'}
      </Text>
      {preview.data?.waitingQuests.length ? (
        <Alert color="yellow" variant="light" p="xs" title="Other quests wait for this one" data-testid="quest-delete-waiting">
          <Text size="xs">
            {preview.data.waitingQuests.map((q) => `“${q.name}” (#${q.id})`).join(', ')} complete when this quest is completed. Once it is deleted they can never complete:
            change their trigger or filter first, or delete them too.
          </Text>
        </Alert>
      ) : null}
      <DeleteConfirmFooter
        noun="quest"
        label={players ? `Delete quest and ${players.toLocaleString('en-US')} progress rows` : 'Delete quest'}
        loading={remove.isPending}
        onCancel={close}
        onConfirm={() =>
          remove.mutate(
            { id: quest.id, version: quest.version },
            {
              onSuccess: (done) => {
                close();
                notifySuccess(
                  `Deleted “${quest.name}”`,
                  done.deletedProgressRows ? `${done.deletedProgressRows.toLocaleString('en-US')} user_quests rows went with it.` : 'No player had progress on it.',
                );
                onDeleted();
              },
            },
          )
        }
      />
    </Stack>
  );
}
