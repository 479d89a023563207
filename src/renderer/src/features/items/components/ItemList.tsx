import { Group, Select, Table, Text } from '@mantine/core';
import { IconDiamond } from '@tabler/icons-react';
import { useState } from 'react';
import { ITEM_RARITIES, ITEM_TYPES, ITEM_TYPE_INFO, type ItemListPage } from '@shared/domain/items';
import { Amount } from '@renderer/components/Amount';
import { AuthoringList, ForeignBadge, useListSearch } from '../../authoring';
import { useItemCatalogue } from '../api';
import { ItemIcon } from './ItemIcon';
import { RarityBadge, rarityTextColour } from './RarityBadge';

const itemsOf = (page: ItemListPage) => page.items;
const typeOptions = ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_INFO[t].label }));

/** The catalogue by name: type and rarity filters beside the search, icon, rarity colour and price per row. */
export function ItemList({ selectedId, onOpen }: { selectedId: number | null; onOpen(id: number): void }) {
  const search = useListSearch();
  const [type, setType] = useState<string | null>(null);
  const [rarity, setRarity] = useState<string | null>(null);
  const catalogue = useItemCatalogue({ search: search.debounced || undefined, type: type ?? undefined, rarity: rarity ?? undefined });

  return (
    <AuthoringList
      noun="item"
      keysGroup="Item catalogue"
      search={search}
      filters={
        <>
          <Select w={130} placeholder="Any type" clearable data={typeOptions} value={type} onChange={setType} aria-label="Filter by type" />
          <Select w={120} placeholder="Any rarity" clearable data={[...ITEM_RARITIES]} value={rarity} onChange={setRarity} aria-label="Filter by rarity" />
        </>
      }
      filtered={Boolean(search.debounced || type || rarity)}
      pages={catalogue}
      rowsOf={itemsOf}
      what="the item catalogue"
      empty={{ icon: <IconDiamond size={20} />, title: 'The catalogue is empty', hint: 'Create the first item with New item (N).' }}
      head={
        <>
          <Table.Th w={36} />
          <Table.Th>Name</Table.Th>
          <Table.Th w={100}>Type</Table.Th>
          <Table.Th w={96}>Rarity</Table.Th>
          <Table.Th w={90} ta="right">
            Price
          </Table.Th>
        </>
      }
      cells={(item) => (
        <>
          <Table.Td>
            <ItemIcon url={item.iconUrl} type={item.type} rarity={item.rarity} size={22} name={item.name} />
          </Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" truncate c={rarityTextColour(item.rarity)} fw={item.rarity === 'Legendary' ? 600 : undefined}>
                {item.name}
              </Text>
              {item.shape === 'foreign' ? <ForeignBadge issues={item.issues} /> : null}
            </Group>
          </Table.Td>
          <Table.Td>
            <Text size="xs" c="dimmed">
              {item.type}
            </Text>
          </Table.Td>
          <Table.Td>
            <RarityBadge rarity={item.rarity} size="xs" />
          </Table.Td>
          <Table.Td ta="right">{item.price !== null ? <Amount value={item.price} size="xs" /> : <Text size="xs" c="dimmed">—</Text>}</Table.Td>
        </>
      )}
      selectedId={selectedId}
      onOpen={onOpen}
    />
  );
}
