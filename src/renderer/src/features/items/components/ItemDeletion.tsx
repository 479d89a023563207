import { Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { isItemReferenced, type StoredItem } from '@shared/domain/items';
import { formatAmount } from '@renderer/lib/format';
import { notifySuccess } from '@renderer/lib/notify';
import { DeleteConfirmFooter } from '../../authoring';
import { useDeleteItem, useItemReferences } from '../api';

/** The item's delete confirmation: offered only once nothing points at the item; otherwise says what does. */
export function ItemDeletion({ item, close, onDeleted }: { item: StoredItem; close(): void; onDeleted(): void }) {
  const refs = useItemReferences(item.id);
  const remove = useDeleteItem();
  if (refs.isPending) return <Loader size="sm" />;
  if (refs.data && isItemReferenced(refs.data)) {
    return (
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
          <Button variant="default" onClick={close}>
            Close
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">Nothing refers to this item. Deleting removes it from the catalogue for good.</Text>
      <DeleteConfirmFooter
        noun="item"
        label="Delete item"
        loading={remove.isPending}
        onCancel={close}
        onConfirm={() =>
          remove.mutate(
            { id: item.id, version: item.version },
            {
              onSuccess: () => {
                close();
                notifySuccess('Item deleted', item.name);
                onDeleted();
              },
            },
          )
        }
      />
    </Stack>
  );
}
