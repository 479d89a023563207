import { ActionIcon, Autocomplete, Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CONSUMABLE_EFFECTS, EQUIPMENT_SLOTS, effectKeys, switchEffectType } from '@shared/domain/items';
import { ItemPicker } from './ItemPicker';

type Usage = Record<string, unknown>;
type Row = Record<string, unknown>;

export interface UsageFormProps {
  type: string;
  usage: Usage;
  onChange(next: Usage): void;
  /** Errors by path ("usageData.effects.0.amount"). */
  errors: Record<string, string>;
}

/** Sets a key, or removes it when the field is emptied, so the stored JSON holds only what was set. */
function withKey(object: Row, key: string, value: unknown): Row {
  const next = { ...object };
  if (value === undefined || value === '' || value === null) delete next[key];
  else next[key] = value;
  return next;
}

const num = (value: string | number) => (value === '' ? undefined : Number(value));
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : []);

function RowList({ label, items, onChange, render, blank, addLabel }: { label: string; items: Row[]; onChange(rows: Row[]): void; render(row: Row, set: (row: Row) => void, index: number): React.ReactNode; blank: Row; addLabel: string }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={500}>
        {label}
      </Text>
      {items.map((row, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
          {render(row, (next) => onChange(items.map((r, i) => (i === index ? next : r))), index)}
          <ActionIcon mb={4} color="red" aria-label={`Remove ${label.toLowerCase()} ${index + 1}`} onClick={() => onChange(items.filter((_, i) => i !== index))}>
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => onChange([...items, blank])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** The usage_data form of each item type; what the bot does with each field is in src/shared/domain/items.ts. */
export function UsageForm({ type, usage, onChange, errors }: UsageFormProps) {
  const set = (key: string, value: unknown) => onChange(withKey(usage, key, value));
  const err = (path: string) => errors[`usageData.${path}`];
  switch (type) {
    case 'MATERIAL':
      return (
        <Group gap="sm" align="flex-end">
          <Checkbox label="Stackable" checked={usage.stackable === true} onChange={(e) => set('stackable', e.currentTarget.checked || undefined)} mb={6} />
          <NumberInput label="Max stack" w={110} min={1} allowDecimal={false} value={(usage.maxStack as number) ?? ''} onChange={(v) => set('maxStack', num(v))} error={err('maxStack')} />
          <NumberInput label="Crafting tier" w={110} min={1} max={10} allowDecimal={false} value={(usage.craftingTier as number) ?? ''} onChange={(v) => set('craftingTier', num(v))} error={err('craftingTier')} />
        </Group>
      );
    case 'CONSUMABLE':
      return (
        <Stack gap="xs">
          <Checkbox label="Used up when used" checked={usage.consume !== false} onChange={(e) => set('consume', e.currentTarget.checked)} />
          <RowList
            label="Effects"
            items={rows(usage.effects)}
            onChange={(next) => set('effects', next)}
            blank={{ type: 'XP_BOOST', multiplier: 1.5, durationSeconds: 1800 }}
            addLabel="Add an effect"
            render={(row, setRow, i) => {
              const uses = effectKeys(String(row.type ?? ''));
              // Visible labels on every field; no clamping, so a negative multiplier shows its error instead of turning into 0.
              return (
                <Group gap="xs" wrap="wrap" align="flex-start" data-testid={`item-effect-${i}`}>
                  <Autocomplete size="xs" label={`Effect ${i + 1}`} w={150} data={[...CONSUMABLE_EFFECTS]} value={String(row.type ?? '')} onChange={(v) => setRow(switchEffectType(row, v.toUpperCase()))} error={err(`effects.${i}.type`)} />
                  {uses.includes('amount') ? (
                    <TextInput label="Amount" placeholder="e.g. 500" w={110} value={String(row.amount ?? '')} onChange={(e) => setRow(withKey(row, 'amount', e.currentTarget.value.trim()))} error={err(`effects.${i}.amount`)} />
                  ) : null}
                  {uses.includes('multiplier') ? (
                    <NumberInput label="Multiplier" placeholder="e.g. 1.5" w={110} decimalScale={2} clampBehavior="none" value={(row.multiplier as number) ?? ''} onChange={(v) => setRow(withKey(row, 'multiplier', num(v)))} error={err(`effects.${i}.multiplier`)} data-testid={`item-effect-${i}-multiplier`} />
                  ) : null}
                  {uses.includes('durationSeconds') ? (
                    <NumberInput label="Duration (seconds)" placeholder="e.g. 1800" w={130} allowDecimal={false} clampBehavior="none" value={(row.durationSeconds as number) ?? ''} onChange={(v) => setRow(withKey(row, 'durationSeconds', num(v)))} error={err(`effects.${i}.durationSeconds`)} />
                  ) : null}
                </Group>
              );
            }}
          />
          {err('effects') ? <Text size="xs" c="red">{err('effects')}</Text> : null}
        </Stack>
      );
    case 'EQUIPMENT': {
      const stats = Object.entries((usage.stats as Record<string, number>) ?? {}).map(([name, value]) => ({ name, value }));
      return (
        <Stack gap="xs">
          <Select label="Slot" w={180} data={[...EQUIPMENT_SLOTS]} value={(usage.slot as string) ?? null} onChange={(v) => set('slot', v ?? undefined)} error={err('slot')} />
          <RowList
            label="Stats"
            items={stats}
            onChange={(next) => set('stats', Object.fromEntries(next.map((r) => [String(r.name ?? ''), r.value as number])))}
            blank={{ name: `stat${stats.length + 1}`, value: 1 }}
            addLabel="Add a stat"
            render={(row, setRow) => (
              <>
                <TextInput label="Stat name" w={150} value={String(row.name ?? '')} onChange={(e) => setRow({ ...row, name: e.currentTarget.value })} error={err(`stats.${String(row.name)}`)} />
                <NumberInput label="Value" w={100} allowDecimal={false} value={(row.value as number) ?? ''} onChange={(v) => setRow({ ...row, value: num(v) ?? 0 })} />
              </>
            )}
          />
          {err('stats') ? <Text size="xs" c="red">{err('stats')}</Text> : null}
        </Stack>
      );
    }
    case 'COLLECTIBLE':
      return (
        <Group gap="sm" align="flex-end">
          <TextInput label="Set" w={200} value={String(usage.set ?? '')} onChange={(e) => set('set', e.currentTarget.value)} error={err('set')} />
          <NumberInput label="Number in the set" w={130} min={1} allowDecimal={false} value={(usage.number as number) ?? ''} onChange={(v) => set('number', num(v))} error={err('number')} />
          <Checkbox label="Tradeable" checked={usage.tradeable === true} onChange={(e) => set('tradeable', e.currentTarget.checked)} mb={6} />
        </Group>
      );
    case 'KEY':
      return (
        <Stack gap="xs">
          <Group gap="sm" align="flex-end">
            <TextInput label="Opens" description="lower_snake_case, as the bot names it" w={220} value={String(usage.opens ?? '')} onChange={(e) => set('opens', e.currentTarget.value)} error={err('opens')} />
            <Checkbox label="Used up when used" checked={usage.consumedOnUse === true} onChange={(e) => set('consumedOnUse', e.currentTarget.checked || undefined)} mb={6} />
          </Group>
          <RowList
            label="Loot table"
            items={rows(usage.lootTable)}
            onChange={(next) => set('lootTable', next.length ? next : undefined)}
            blank={{ itemId: null, weight: 10 }}
            addLabel="Add loot"
            render={(row, setRow, i) => (
              <>
                <ItemPicker aria-label={`Loot ${i + 1}`} w={260} value={(row.itemId as number) ?? null} onChange={(id) => setRow({ ...row, itemId: id })} error={err(`lootTable.${i}.itemId`)} />
                <NumberInput aria-label="Weight" w={90} min={1} allowDecimal={false} value={(row.weight as number) ?? ''} onChange={(v) => setRow({ ...row, weight: num(v) })} error={err(`lootTable.${i}.weight`)} />
              </>
            )}
          />
        </Stack>
      );
    default:
      return (
        <Text size="xs" c="dimmed">
          The bot does not document {type || 'this type'}: edit its usage_data as JSON.
        </Text>
      );
  }
}
