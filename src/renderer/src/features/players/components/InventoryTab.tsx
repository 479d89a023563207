import { ActionIcon, Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconBackpack, IconGift, IconMinus, IconPlus } from '@tabler/icons-react';
import { Amount } from '@renderer/components/Amount';
import { Missing } from '@renderer/components/Missing';
import { EmptyState } from '@renderer/components/EmptyState';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { useInventory } from '../api';
import type { PlayerDialog } from '../dialogs/PlayerDialogs';
import classes from './players.module.css';

const RARITY_COLORS: Record<string, string> = {
  common: 'gray',
  uncommon: 'teal',
  rare: 'blue',
  epic: 'grape',
  legendary: 'orange',
  mythic: 'red',
};

export function rarityColor(rarity: string | null): string {
  return (rarity && RARITY_COLORS[rarity.toLowerCase()]) || 'gray';
}

export function InventoryTab({ playerId, onAction }: { playerId: bigint; onAction(dialog: PlayerDialog): void }) {
  const inventory = useInventory(playerId);
  if (!inventory.isSuccess) return <LoadingOrError query={inventory} what="the inventory" compact />;
  const entries = inventory.data;
  if (entries.length === 0)
    return (
      <EmptyState
        compact
        icon={<IconBackpack size={18} />}
        title="Nothing in the inventory"
        action={
          <Button variant="light" leftSection={<IconGift size={14} />} onClick={() => onAction({ kind: 'grantItem' })}>
            Grant an item
          </Button>
        }
      >
        Items the player gets from drops, quests, trades or staff are listed here.
      </EmptyState>
    );
  return (
    <Table stickyHeader data-testid="inventory-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Item</Table.Th>
          <Table.Th w={90}>Rarity</Table.Th>
          <Table.Th w={120}>Type</Table.Th>
          <Table.Th w={120} ta="right">
            Quantity
          </Table.Th>
          <Table.Th w={130} ta="right">
            Value
          </Table.Th>
          <Table.Th w={70} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.itemId} data-testid="inventory-row" data-item={entry.itemId}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                {entry.name === null ? (
                  <Missing reason="no item name recorded" />
                ) : (
                  <Text size="sm" fw={500} className={classes.plainText}>
                    {entry.name}
                  </Text>
                )}
                <Text size="xs" c="dimmed" className={classes.mono}>
                  #{entry.itemId}
                </Text>
              </Group>
              {entry.description ? (
                <Text size="xs" c="dimmed" lineClamp={1} title={entry.description}>
                  {entry.description}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Badge color={rarityColor(entry.rarity)}>{entry.rarity}</Badge>
            </Table.Td>
            <Table.Td>
              <Text size="xs" className={classes.mono}>
                {entry.type}
              </Text>
            </Table.Td>
            <Table.Td ta="right" data-testid="inventory-quantity">
              <Amount value={entry.quantity} fw={600} missing="no quantity recorded" />
            </Table.Td>
            <Table.Td ta="right">{entry.price === null ? <Text size="xs" c="dimmed">no price</Text> : entry.quantity === null ? <Missing reason="no quantity recorded" /> : <Amount value={entry.price * entry.quantity} currency="coins" />}</Table.Td>
            <Table.Td>
              <Group gap={2} wrap="nowrap" justify="flex-end">
                <Tooltip label={`Grant more ${entry.name}`}>
                  <ActionIcon aria-label={`Grant more ${entry.name}`} onClick={() => onAction({ kind: 'grantItem', itemId: entry.itemId })}>
                    <IconPlus size={14} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={`Remove ${entry.name}…`}>
                  <ActionIcon aria-label={`Remove ${entry.name}`} color="red" onClick={() => onAction({ kind: 'removeItem', itemId: entry.itemId })}>
                    <IconMinus size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
