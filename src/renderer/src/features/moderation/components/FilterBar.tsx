/**
 * The filters above the list, each showing what it does. Text fields apply after a short pause;
 * `/` focuses the reason search.
 */
import { ActionIcon, Button, Group, MultiSelect, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload, IconSearch, IconX } from '@tabler/icons-react';
import { forwardRef, useEffect, useState } from 'react';
import type { TypeCount } from '@shared/domain/moderation';
import { knownCaseTypes } from '@shared/domain/moderation-rules';
import { KeyHint } from '@renderer/components/KeyHint';
import { caseTypeLabel } from './CaseTypeBadge';

export interface FilterValues {
  types: string[];
  moderatorId: string;
  target: string;
  from: string;
  to: string;
  reason: string;
}

export const emptyFilters: FilterValues = { types: [], moderatorId: '', target: '', from: '', to: '', reason: '' };

export function activeFilterCount(f: FilterValues): number {
  return [f.types.length > 0, f.moderatorId, f.target, f.from, f.to, f.reason].filter(Boolean).length;
}

export interface FilterBarProps {
  value: FilterValues;
  typeCounts: TypeCount[];
  onChange(next: FilterValues): void;
  onExport(): void;
  exporting: boolean;
}

export const FilterBar = forwardRef<HTMLInputElement, FilterBarProps>(function FilterBar({ value, typeCounts, onChange, onExport, exporting }, searchRef) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = useDebouncedCallback((next: FilterValues) => onChange(next), 300);
  const edit = (patch: Partial<FilterValues>, immediate = false) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (immediate) onChange(next);
    else commit(next);
  };
  const types = [...new Set([...knownCaseTypes, ...typeCounts.map((t) => t.type), ...draft.types])];
  const countOf = (type: string) => typeCounts.find((t) => t.type === type)?.count ?? 0;
  const filtering = activeFilterCount(draft) > 0;
  const moderatorInvalid = draft.moderatorId !== '' && !/^\d{15,20}$/.test(draft.moderatorId);
  return (
    <Group gap="xs" wrap="wrap" py={6} data-testid="filter-bar">
      <TextInput
        ref={searchRef}
        placeholder="Search reasons"
        aria-label="Search reasons"
        leftSection={<IconSearch size={14} />}
        rightSection={<KeyHint keys="/" />}
        rightSectionWidth={28}
        value={draft.reason}
        onChange={(e) => edit({ reason: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        w={180}
        data-testid="filter-reason"
      />
      <MultiSelect
        placeholder={draft.types.length ? undefined : 'All types'}
        aria-label="Case types"
        data={types.map((t) => ({ value: t, label: `${caseTypeLabel(t)} (${countOf(t).toLocaleString('en-US')})` }))}
        value={draft.types}
        onChange={(types) => edit({ types }, true)}
        clearable
        searchable
        w={200}
        maxDropdownHeight={260}
        // Chosen types stay on one line (the rest scroll inside): the bar keeps its height.
        styles={{ pillsList: { flexWrap: 'nowrap', overflow: 'hidden' } }}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        placeholder="Target: ID or name"
        aria-label="Target user ID or username"
        value={draft.target}
        onChange={(e) => edit({ target: e.currentTarget.value })}
        w={150}
      />
      <TextInput
        placeholder="Moderator ID"
        aria-label="Moderator ID"
        value={draft.moderatorId}
        error={moderatorInvalid ? true : undefined}
        title={moderatorInvalid ? 'A Discord ID is 15 to 20 digits' : undefined}
        onChange={(e) => edit({ moderatorId: e.currentTarget.value.trim() })}
        w={150}
      />
      <TextInput type="date" aria-label="From date (UTC)" title="From (UTC, inclusive)" value={draft.from} onChange={(e) => edit({ from: e.currentTarget.value }, true)} w={128} />
      <TextInput type="date" aria-label="To date (UTC)" title="To (UTC, inclusive)" value={draft.to} onChange={(e) => edit({ to: e.currentTarget.value }, true)} w={128} />
      {/* Always in its place (hidden while nothing filters): choosing a filter never moves the bar. */}
      <Tooltip label="Clear every filter" disabled={!filtering}>
        <ActionIcon variant="subtle" color="gray" onClick={() => edit(emptyFilters, true)} aria-label="Clear filters" aria-hidden={!filtering || undefined} tabIndex={filtering ? 0 : -1} style={{ visibility: filtering ? 'visible' : 'hidden' }}>
          <IconX size={14} />
        </ActionIcon>
      </Tooltip>
      <Button variant="default" leftSection={<IconDownload size={14} />} onClick={onExport} loading={exporting} ml="auto" title="The current queue and filters, up to 50,000 cases">
        Export CSV
      </Button>
    </Group>
  );
});
