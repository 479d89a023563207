/**
 * The quest's trigger event: opening the field lists every event the bot knows (and the custom
 * ones quests already use), each with what it counts, whatever the field holds; typing narrows
 * the list by event name or meaning. A custom UPPER_SNAKE event stays allowed.
 */
import { Autocomplete, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { QUEST_TRIGGERS, questTrigger } from '@shared/domain/quests';
import { useTriggersInUse } from '../api';

interface TriggerFieldProps {
  value: string;
  onChange(value: string): void;
  error?: string;
}

/** What an event means in a line: the bot's own events have a meaning, custom ones say so. */
export function triggerMeaning(event: string): string {
  return questTrigger(event)?.description ?? 'A custom event: the bot must emit it, or the quest never moves.';
}

/** Every option while the field holds an exact event (opening it shows them all); else matches by name or meaning. */
const byNameOrMeaning: OptionsFilter = ({ options, search }) => {
  const text = search.trim().toLowerCase();
  const items = options as ComboboxItem[];
  if (!text || items.some((o) => o.value.toLowerCase() === text)) return items;
  return items.filter((o) => o.value.toLowerCase().includes(text) || (questTrigger(o.value)?.label ?? '').toLowerCase().includes(text) || (questTrigger(o.value)?.description ?? '').toLowerCase().includes(text));
};

/** Every event the bot counts, then the custom ones quests already use, with how many quests use each. */
export function useTriggerEvents() {
  const inUse = useTriggersInUse().data ?? [];
  const events = [...new Set([...QUEST_TRIGGERS.map((t) => t.event), ...inUse.map((t) => t.triggerEvent)])];
  return { events, quests: (event: string) => inUse.find((t) => t.triggerEvent === event)?.quests ?? 0 };
}

export function TriggerField({ value, onChange, error }: TriggerFieldProps) {
  const { events } = useTriggerEvents();
  return (
    <Autocomplete
      // The theme sizes TextInput and Select down to xs but not Autocomplete: match its neighbours.
      size="xs"
      label="Trigger event"
      description={value.trim() ? triggerMeaning(value.trim()) : 'Open the list to see every event the bot counts.'}
      data={events}
      filter={byNameOrMeaning}
      limit={50}
      maxDropdownHeight={320}
      renderOption={({ option }) => (
        <Stack gap={0} data-testid="trigger-option">
          <Text size="xs" fw={600} ff="monospace">
            {option.value}
            {questTrigger(option.value) ? ` · ${questTrigger(option.value)!.label}` : ' · custom'}
          </Text>
          <Text size="xs" c="dimmed">
            {triggerMeaning(option.value)}
          </Text>
        </Stack>
      )}
      value={value}
      onChange={(v) => onChange(v.toUpperCase().replace(/\s+/g, '_'))}
      error={error}
      data-testid="quest-trigger"
      data-field="triggerEvent"
    />
  );
}
