import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { StoredItem } from '@shared/domain/items';
import { useItemsByIds, useItemSearch } from '../api';
import { ItemIcon } from './ItemIcon';
import { RarityBadge } from './RarityBadge';

export interface ItemPickerProps {
  value: number | null;
  onChange(id: number | null): void;
  label?: string;
  placeholder?: string;
  error?: string;
  /** Items that may not be picked (already rewarded). */
  exclude?: number[];
  'aria-label'?: string;
  w?: number | string;
  size?: 'xs' | 'sm';
  testId?: string;
}

/** Pick an item by name (searched in the database), shown with its icon and rarity. */
export function ItemPicker({ value, onChange, label, placeholder = 'Search items by name…', error, exclude = [], w, size = 'xs', testId, ...rest }: ItemPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const selected = useItemsByIds(value !== null ? [value] : []);
  const current = selected.data?.find((item) => item.id === value);
  // While the box shows the chosen item's name, list by that name's neighbours rather than nothing.
  const typed = current && debounced === current.name ? '' : debounced;
  const results = useItemSearch(typed, 20);
  const byId = useMemo(() => {
    const map = new Map<string, StoredItem>();
    if (current) map.set(String(current.id), current);
    for (const item of results.data?.items ?? []) if (!exclude.includes(item.id) || item.id === value) map.set(String(item.id), item);
    return map;
  }, [current, results.data, exclude, value]);
  const data = [...byId.values()].map((item) => ({ value: String(item.id), label: item.name }));

  return (
    <Select
      label={label}
      aria-label={rest['aria-label'] ?? label}
      placeholder={placeholder}
      size={size}
      w={w}
      data={data}
      value={value !== null ? String(value) : null}
      onChange={(next) => onChange(next ? Number(next) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The database already searched by name: do not filter again.
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No item by that name'}
      error={error}
      clearable
      data-testid={testId}
      leftSection={current ? <ItemIcon url={current.iconUrl} type={current.type} rarity={current.rarity} size={18} name={current.name} /> : undefined}
      renderOption={({ option }) => {
        const item = byId.get(option.value);
        if (!item) return option.label;
        return (
          <Group gap="xs" wrap="nowrap" w="100%">
            <ItemIcon url={item.iconUrl} type={item.type} rarity={item.rarity} size={20} name={item.name} />
            <Text size="sm" style={{ flex: 1 }} truncate>
              {item.name}
            </Text>
            <Text size="xs" c="dimmed">
              #{item.id}
            </Text>
            <RarityBadge rarity={item.rarity} size="xs" />
          </Group>
        );
      }}
    />
  );
}
