import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useQuest, useQuestSearch } from '../api';

/** Pick another quest by name (for QUEST_COMPLETED). */
export function QuestPicker({ value, onChange, label, error, exclude }: { value: number | null; onChange(id: number | null): void; label: string; error?: string; exclude?: number }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const current = useQuest(value);
  const typed = current.data && debounced === current.data.name ? '' : debounced;
  const results = useQuestSearch(typed, 20);
  const options = new Map<string, string>();
  if (current.data) options.set(String(current.data.id), current.data.name);
  for (const quest of results.data?.quests ?? []) if (quest.id !== exclude) options.set(String(quest.id), quest.name);
  return (
    <Select
      label={label}
      placeholder="Any quest"
      data={[...options].map(([id, name]) => ({ value: id, label: `${name} (#${id})` }))}
      value={value !== null ? String(value) : null}
      onChange={(next) => onChange(next ? Number(next) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      error={error}
      nothingFoundMessage="No quest by that name"
    />
  );
}
