import { Badge, Group, Stack, Text } from '@mantine/core';
import { RawJsonField } from '../../authoring';
import { backToForm, columnText, type QuestFormState, type QuestValidation } from '../quest-form';

export interface QuestJsonPanelProps {
  state: QuestFormState;
  onChange(update: (state: QuestFormState) => QuestFormState): void;
  validation: QuestValidation;
  /** A stored quest: raw JSON outside the contract may be saved knowingly. */
  stored: boolean;
}

/**
 * The columns as the bot will read them. Typing here switches that column to raw JSON (saved
 * exactly as typed); text that fits the contract can go back to the form.
 */
export function QuestJsonPanel({ state, onChange, validation, stored }: QuestJsonPanelProps) {
  const field = (name: 'requirements' | 'rewards') => {
    const raw = name === 'requirements' ? state.requirementsRaw : state.rewardsRaw;
    const issues = name === 'requirements' ? validation.requirementsRawIssues : validation.rewardsRawIssues;
    return (
      <RawJsonField
        contract="quest"
        label={name}
        value={columnText(state, name)}
        onChange={(text) => onChange((s) => (name === 'requirements' ? { ...s, requirementsRaw: text } : { ...s, rewardsRaw: text }))}
        issues={raw === null ? [] : issues}
        allowForeign={state.allowForeign[name]}
        onAllowForeign={(allow) => onChange((s) => ({ ...s, allowForeign: { ...s.allowForeign, [name]: allow } }))}
        offerForeign={stored}
        onUseForm={raw !== null && issues.length === 0 ? () => onChange((s) => backToForm(s, name)) : undefined}
        minRows={3}
        testId={`quest-json-${name}`}
      />
    );
  };
  return (
    <Stack gap="xs" data-testid="quest-json">
      <Group gap="xs">
        <Text size="xs" fw={500}>
          trigger_event
        </Text>
        <Badge variant="outline" color="gray" ff="monospace" tt="none">
          {state.triggerEvent || '—'}
        </Badge>
        <Text size="xs" c="dimmed">
          {state.requirementsRaw !== null || state.rewardsRaw !== null ? 'Raw JSON is saved exactly as typed.' : 'Generated from the form; type here to edit it raw.'}
        </Text>
      </Group>
      {field('requirements')}
      {field('rewards')}
    </Stack>
  );
}
