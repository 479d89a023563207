import { Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { isItemReferenced, type StoredItem } from '../../../../../shared/domain/items';
import { formatAmount } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { useItemReferences } from '../api/get-item';
import { useDeleteItem } from '../api/save-item';

/** Delete, offered only once nothing points at the item; otherwise says what does. */
export function ItemDeleteButton({ item, onDeleted }: { item: StoredItem; onDeleted(): void }) {
  const [open, setOpen] = useState(false);
  const refs = useItemReferences(open ? item.id : null);
  const remove = useDeleteItem();
  const blocked = refs.data ? isItemReferenced(refs.data) : true;
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setOpen(true)} data-testid="item-delete">
        Delete
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Delete “${item.name}”?`}>
        {refs.isPending ? (
          <Loader size="sm" />
        ) : refs.data && blocked ? (
          <Stack gap="sm">
            <Text size="sm">This item is still in use, so it cannot be deleted:</Text>
            <List size="sm" spacing={4}>
              {refs.data.holders ? <List.Item>{formatAmount(refs.data.holders)} inventories hold {formatAmount(refs.data.heldQuantity)} of it</List.Item> : null}
              {refs.data.quests ? (
                <List.Item>
                  {formatAmount(refs.data.quests)} quests reward or filter on it ({refs.data.questExamples.map((q) => q.name).join(', ')}
                  {refs.data.quests > refs.data.questExamples.length ? ', …' : ''})
                </List.Item>
              ) : null}
              {refs.data.keyLootTables ? <List.Item>{formatAmount(refs.data.keyLootTables)} keys can drop it</List.Item> : null}
              {refs.data.itemTransactions ? <List.Item>{formatAmount(refs.data.itemTransactions)} item transactions record it</List.Item> : null}
            </List>
            <Text size="xs" c="dimmed">
              Remove it from those quests and keys first. Inventories and transaction history belong to the bot and stay.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Close
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm">Nothing refers to this item. Deleting removes it from the catalogue for good.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                data-testid="item-delete-confirm"
                onClick={() =>
                  remove.mutate(
                    { id: item.id, version: item.version },
                    {
                      onSuccess: () => {
                        setOpen(false);
                        notifySuccess('Item deleted', item.name);
                        onDeleted();
                      },
                    },
                  )
                }
              >
                Delete item
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
