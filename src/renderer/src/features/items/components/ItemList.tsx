import { Badge, Box, Button, Group, Loader, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDiamond, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ITEM_RARITIES, ITEM_TYPES, ITEM_TYPE_INFO, rarityColour } from '../../../../../shared/domain/items';
import { Amount } from '../../../components/Amount';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { KeyHint } from '../../../components/KeyHint';
import { useScreenKeys } from '../../../lib/keys';
import { useItemCatalogue } from '../api/list-items';
import { ItemIcon } from './ItemIcon';
import { RarityBadge } from './RarityBadge';

/** The catalogue: filters on top, a dense table; j/k move, Enter opens, / searches. */
export function ItemList({ selectedId, onOpen }: { selectedId: number | null; onOpen(id: number): void }) {
  const [search, setSearch] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [rarity, setRarity] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const catalogue = useItemCatalogue({ search: debounced || undefined, type: type ?? undefined, rarity: rarity ?? undefined });
  const items = useMemo(() => catalogue.data?.pages.flatMap((p) => p.items) ?? [], [catalogue.data]);
  const total = catalogue.data?.pages[0]?.total ?? 0;
  const searchRef = useRef<HTMLInputElement>(null);
  const [cursor, setCursor] = useState(0);
  const filtered = Boolean(debounced || type || rarity);

  useEffect(() => {
    const index = items.findIndex((i) => i.id === selectedId);
    if (index >= 0) setCursor(index);
  }, [selectedId, items]);

  const move = (delta: number) => {
    const next = Math.max(0, Math.min(items.length - 1, cursor + delta));
    setCursor(next);
    document.querySelector(`[data-item-row="${items[next]?.id}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  useScreenKeys('Item catalogue', [
    { keys: 'j', label: 'Next item', run: () => move(1) },
    { keys: 'arrowdown', label: 'Next item', run: () => move(1) },
    { keys: 'k', label: 'Previous item', run: () => move(-1) },
    { keys: 'arrowup', label: 'Previous item', run: () => move(-1) },
    { keys: 'enter', label: 'Open the item', run: () => items[cursor] && onOpen(items[cursor]!.id) },
    { keys: '/', label: 'Search items', run: () => searchRef.current?.focus() },
  ]);

  return (
    <Stack gap={0} h="100%">
      <Group gap="xs" p="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--desk-border)' }}>
        <TextInput
          ref={searchRef}
          style={{ flex: 1 }}
          placeholder="Search by name or #id"
          leftSection={<IconSearch size={14} />}
          rightSection={<KeyHint keys="/" />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          aria-label="Search items"
        />
        <Select w={130} placeholder="Any type" clearable data={ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_INFO[t].label }))} value={type} onChange={setType} aria-label="Filter by type" />
        <Select w={120} placeholder="Any rarity" clearable data={[...ITEM_RARITIES]} value={rarity} onChange={setRarity} aria-label="Filter by rarity" />
      </Group>
      <Group justify="space-between" px="sm" py={4}>
        <Text size="xs" c="dimmed">
          {catalogue.isPending ? 'Loading…' : `${total.toLocaleString('en-US')} ${filtered ? 'matching' : ''} items`}
        </Text>
        {catalogue.isFetching && !catalogue.isPending ? <Loader size={12} /> : null}
      </Group>
      <Box style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        {catalogue.isPending ? null : catalogue.isError ? (
          <ErrorState compact error={catalogue.error} onRetry={() => void catalogue.refetch()} what="the item catalogue" />
        ) : items.length === 0 ? (
          <EmptyState compact icon={<IconDiamond size={20} />} title={filtered ? 'No item matches' : 'The catalogue is empty'}>
            {filtered ? 'Clear a filter or search for another name.' : 'Create the first item with New item (N).'}
          </EmptyState>
        ) : (
          <Table stickyHeader data-testid="item-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>Name</Table.Th>
                <Table.Th w={100}>Type</Table.Th>
                <Table.Th w={96}>Rarity</Table.Th>
                <Table.Th w={90} ta="right">
                  Price
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, index) => {
                const selected = item.id === selectedId;
                return (
                  <Table.Tr
                    key={item.id}
                    data-item-row={item.id}
                    onClick={() => onOpen(item.id)}
                    style={{ cursor: 'pointer', outline: index === cursor ? '1px solid var(--mantine-primary-color-filled)' : undefined, outlineOffset: -1 }}
                    bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                    aria-selected={selected}
                  >
                    <Table.Td>
                      <ItemIcon url={item.iconUrl} type={item.type} rarity={item.rarity} size={22} name={item.name} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" truncate c={item.rarity === 'Common' ? undefined : `${rarityColour(item.rarity)}.4`} fw={item.rarity === 'Legendary' ? 600 : undefined}>
                          {item.name}
                        </Text>
                        {item.shape === 'foreign' ? (
                          <Badge size="xs" color="yellow" variant="outline" style={{ flex: 'none' }} title={item.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}>
                            foreign
                          </Badge>
                        ) : null}
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
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {catalogue.hasNextPage ? (
          <Group justify="center" p="sm">
            <Button variant="default" loading={catalogue.isFetchingNextPage} onClick={() => void catalogue.fetchNextPage()}>
              Load more
            </Button>
          </Group>
        ) : null}
      </Box>
    </Stack>
  );
}
