import { ActionIcon, Button, Divider, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconBraces, IconPlus, IconTrash } from '@tabler/icons-react';
import { ITEM_RARITIES, ITEM_TYPES } from '@shared/domain/items';
import { QUEST_FILTER_KEYS, questTrigger, type QuestFilterKey } from '@shared/domain/quests';
import { ItemPicker } from '../../items';
import { newRewardRow, type FilterState, type QuestFormState } from '../quest-form';
import { QuestPicker } from './QuestPicker';
import { TriggerField } from './TriggerField';

export interface QuestFormProps {
  state: QuestFormState;
  onChange(update: (state: QuestFormState) => QuestFormState): void;
  /** Errors by contract path ("requirements.target", "rewards.items.0.itemId"). */
  errors: Record<string, string>;
  questId?: number;
}

function RawNote({ what }: { what: string }) {
  return (
    <Group gap={6} c="dimmed" wrap="nowrap" align="flex-start">
      <IconBraces size={14} style={{ flex: 'none', marginTop: 2 }} />
      <Text size="xs">{what} are edited as JSON on the right (their shape does not fit this form).</Text>
    </Group>
  );
}

/** The quest as fields; what each means to the bot is in src/shared/domain/quests.ts. */
export function QuestForm({ state, onChange, errors, questId }: QuestFormProps) {
  const trigger = questTrigger(state.triggerEvent.trim());
  const offered: readonly QuestFilterKey[] = trigger ? trigger.filters : QUEST_FILTER_KEYS;
  const setFilter = <K extends keyof FilterState>(key: K, value: FilterState[K]) => onChange((s) => ({ ...s, filters: { ...s.filters, [key]: value } }));
  const rewardedIds = state.items.flatMap((r) => (r.itemId !== null ? [r.itemId] : []));

  return (
    <Stack gap="sm" data-testid="quest-form">
      <TextInput label="Name" required value={state.name} onChange={(e) => { const v = e.currentTarget.value; onChange((s) => ({ ...s, name: v })); }} error={errors.name} data-testid="quest-name" data-field="name" />
      <Textarea
        label="Description"
        description="What players read under the title. Plain text."
        autosize
        minRows={2}
        maxRows={6}
        value={state.description}
        onChange={(e) => { const v = e.currentTarget.value; onChange((s) => ({ ...s, description: v })); }}
        error={errors.description}
        data-testid="quest-description"
        data-field="description"
      />
      <TriggerField value={state.triggerEvent} onChange={(triggerEvent) => onChange((s) => ({ ...s, triggerEvent }))} error={errors.triggerEvent} />

      <Divider label="Requirements" labelPosition="left" />
      {state.requirementsRaw !== null ? (
        <RawNote what="Requirements" />
      ) : (
        <Stack gap="xs">
          <NumberInput
            label={trigger?.progress === 'level' ? 'Level to reach' : 'Target'}
            description={trigger?.progress === 'level' ? 'The level a player must reach to complete the quest' : trigger ? `How many ${trigger.unit[1]} complete the quest` : 'How many events complete the quest'}
            w={220}
            min={1}
            allowDecimal={false}
            thousandSeparator=","
            value={state.target}
            onChange={(v) => onChange((s) => ({ ...s, target: v === '' ? '' : Number(v) }))}
            error={errors['requirements.target'] ?? errors.requirements}
            data-testid="quest-target"
            data-field="requirements.target"
          />
          <SimpleGrid cols={2} spacing="xs">
            {offered.includes('itemId') || state.filters.itemId !== null ? (
              <ItemPicker label="Only this item" value={state.filters.itemId} onChange={(id) => setFilter('itemId', id)} error={errors['requirements.filters.itemId']} placeholder="Any item" />
            ) : null}
            {offered.includes('itemType') || state.filters.itemType ? (
              <Select label="Only items of type" placeholder="Any type" clearable data={[...ITEM_TYPES]} value={state.filters.itemType} onChange={(v) => setFilter('itemType', v)} error={errors['requirements.filters.itemType']} />
            ) : null}
            {offered.includes('rarity') || state.filters.rarity ? (
              <Select label="Only items of rarity" placeholder="Any rarity" clearable data={[...ITEM_RARITIES]} value={state.filters.rarity} onChange={(v) => setFilter('rarity', v)} error={errors['requirements.filters.rarity']} />
            ) : null}
            {offered.includes('channelId') || state.filters.channelId ? (
              <TextInput label="Only in channel (ID)" placeholder="Any channel" value={state.filters.channelId} onChange={(e) => setFilter('channelId', e.currentTarget.value)} error={errors['requirements.filters.channelId']} ff="monospace" />
            ) : null}
            {offered.includes('currency') || state.filters.currency ? (
              <TextInput label="Only lootdrops paying" placeholder="Any currency, e.g. GEMS" value={state.filters.currency} onChange={(e) => setFilter('currency', e.currentTarget.value.toUpperCase())} error={errors['requirements.filters.currency']} />
            ) : null}
            {offered.includes('questId') || state.filters.questId !== null ? (
              <QuestPicker label="Only this quest" value={state.filters.questId} onChange={(id) => setFilter('questId', id)} error={errors['requirements.filters.questId']} exclude={questId} />
            ) : null}
          </SimpleGrid>
        </Stack>
      )}

      <Divider label="Rewards" labelPosition="left" />
      {state.rewardsRaw !== null ? (
        <RawNote what="Rewards" />
      ) : (
        <Stack gap="xs">
          <Group gap="sm" align="flex-start">
            <TextInput
              label="Currency"
              placeholder="e.g. 500"
              w={180}
              inputMode="numeric"
              value={state.currency}
              onChange={(e) => { const v = e.currentTarget.value; onChange((s) => ({ ...s, currency: v })); }}
              error={errors['rewards.currency']}
              data-testid="quest-currency"
              data-field="rewards.currency"
            />
            <NumberInput label="XP" placeholder="e.g. 100" w={140} min={1} allowDecimal={false} thousandSeparator="," value={state.xp} onChange={(v) => onChange((s) => ({ ...s, xp: v === '' ? '' : Number(v) }))} error={errors['rewards.xp']} data-testid="quest-xp" data-field="rewards.xp" />
          </Group>
          <Stack gap={4}>
            <Text size="xs" fw={500}>
              Items
            </Text>
            {state.items.map((row, index) => (
              <Group key={row.key} gap="xs" wrap="nowrap" align="flex-start" data-testid="quest-reward-row">
                <ItemPicker
                  aria-label={`Reward item ${index + 1}`}
                  w={300}
                  value={row.itemId}
                  exclude={rewardedIds}
                  onChange={(id) => onChange((s) => ({ ...s, items: s.items.map((r) => (r.key === row.key ? { ...r, itemId: id } : r)) }))}
                  error={errors[`rewards.items.${index}.itemId`]}
                  testId={`quest-reward-item-${index}`}
                />
                <NumberInput
                  aria-label={`Quantity of reward ${index + 1}`}
                  w={100}
                  min={1}
                  allowDecimal={false}
                  prefix="× "
                  value={row.quantity}
                  onChange={(v) => onChange((s) => ({ ...s, items: s.items.map((r) => (r.key === row.key ? { ...r, quantity: v === '' ? '' : Number(v) } : r)) }))}
                  error={errors[`rewards.items.${index}.quantity`]}
                  data-testid={`quest-reward-quantity-${index}`}
                />
                <ActionIcon mt={4} color="red" aria-label={`Remove reward ${index + 1}`} onClick={() => onChange((s) => ({ ...s, items: s.items.filter((r) => r.key !== row.key) }))}>
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            {errors['rewards.items'] ? (
              <Text size="xs" c="red">
                {errors['rewards.items']}
              </Text>
            ) : null}
            <Group>
              <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => onChange((s) => ({ ...s, items: [...s.items, newRewardRow()] }))} data-testid="quest-add-reward">
                Add an item reward
              </Button>
            </Group>
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
