import { Badge, Box, Divider, Group, ScrollArea, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import type { ContractIssue } from '@shared/domain/authoring';
import { ITEM_RARITIES, ITEM_TYPES, ITEM_TYPE_INFO, defaultUsage, type ItemType, type StoredItem } from '@shared/domain/items';
import { ChangedUnderneath, labelFields, touchOnBlur, DeleteRowButton, DraftConflictCompare, EditorHeader, ForeignRowWarning, RawJsonField, RowLoader, useAuthoringDraft } from '../../authoring';
import { useCreateItem, useItem, useUpdateItem } from '../api';
import { blankItemForm, itemChanges, validateItemForm, type ItemFormState } from '../item-form';
import { ITEM_FIELD_LABELS, itemColumnModel } from '../item-columns';
import { ItemDeletion } from './ItemDeletion';
import { ItemIcon } from './ItemIcon';
import { RarityBadge } from './RarityBadge';
import { UsageForm } from './UsageForm';

interface Props {
  id: number | 'new';
  onSaved(item: StoredItem): void;
  onClose(): void;
}

/** Loads the item, then edits it (a new one starts blank). */
export function ItemEditor({ id, onSaved, onClose }: Props) {
  const item = useItem(id === 'new' ? null : id);
  return (
    <RowLoader noun="item" id={id} query={item}>
      {(stored) => <ItemForm stored={stored} onSaved={onSaved} onClose={onClose} />}
    </RowLoader>
  );
}

/** Why an edited item cannot be saved yet: raw usage outside the contract not yet allowed, or a field in red. */
function saveBlocked(validation: ReturnType<typeof validateItemForm>, _edited: unknown, state: ItemFormState, shown: ContractIssue[]): string | null {
  if (state.usageRaw !== null && validation.usageIssues.length > 0 && !state.allowForeign) return `Usage JSON: ${validation.usageIssues[0]!.message}. Fix it, or tick “Save this shape anyway”.`;
  const formIssues = shown.filter((issue) => !(issue.path.startsWith('usageData') && state.usageRaw !== null && state.allowForeign));
  const [first] = formIssues;
  if (!first) return null;
  const [label] = labelFields([first.path], ITEM_FIELD_LABELS);
  return `${label}: ${first.message}${formIssues.length > 1 ? ` (and ${formIssues.length - 1} more)` : ''}`;
}

function ItemForm({ stored, onSaved, onClose }: { stored: StoredItem | null; onSaved(item: StoredItem): void; onClose(): void }) {
  const create = useCreateItem();
  const update = useUpdateItem();
  const draft = useAuthoringDraft({
    noun: 'item',
    stored,
    ...itemColumnModel,
    fieldLabels: ITEM_FIELD_LABELS,
    blankForm: blankItemForm,
    changes: itemChanges,
    validate: validateItemForm,
    blocked: saveBlocked,
    create,
    update,
    onSaved,
    onClose,
  });
  const { base, state, errors, change } = draft;
  const { usageIssues } = draft.validation;
  const set = <K extends keyof ItemFormState>(key: K, value: ItemFormState[K]) => change((s) => ({ ...s, [key]: value }));

  const typeData = [...ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_INFO[t].label })), ...(state.type === '' || ITEM_TYPES.includes(state.type as ItemType) ? [] : [{ value: state.type, label: `${state.type} (unknown)` }])];
  const rarityData = [...ITEM_RARITIES, ...(state.rarity === '' || ITEM_RARITIES.includes(state.rarity as never) ? [] : [state.rarity])];

  return (
    <Stack gap={0} h="100%" data-testid="item-editor">
      <EditorHeader
        draft={draft}
        icon={<ItemIcon url={state.iconUrl.trim()} type={state.type} rarity={state.rarity} size={40} name={state.name} />}
        tags={
          <>
            <RarityBadge rarity={state.rarity} size="xs" />
            <Badge size="xs" color="gray" variant="outline">
              {state.type}
            </Badge>
          </>
        }
        actions={
          base ? (
            <DeleteRowButton noun="item" name={base.name}>
              {(close) => <ItemDeletion item={base} close={close} onDeleted={onClose} />}
            </DeleteRowButton>
          ) : null
        }
        onClose={onClose}
      />
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap="sm" p="md" onBlurCapture={touchOnBlur(draft)}>
          <ChangedUnderneath draft={draft} />
          <ForeignRowWarning noun="item" issues={base?.shape === 'foreign' ? base.issues : []}>
            The bot (or a script) wrote this item. It loads without loss and stays exactly as stored unless you edit it.
          </ForeignRowWarning>
          <TextInput label="Name" required value={state.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-testid="item-name" data-field="name" />
          <SimpleGrid cols={3} spacing="sm">
            <Select label="Type" data={typeData} value={state.type} allowDeselect={false} onChange={(v) => v && change((s) => ({ ...s, type: v, usage: s.usageRaw === null ? defaultUsage(v as ItemType) : s.usage }))} error={errors.type} />
            <Select label="Rarity" data={rarityData} value={state.rarity} allowDeselect={false} onChange={(v) => v && set('rarity', v)} error={errors.rarity} />
            <TextInput label="Price" description="Empty: not sold in the shop" placeholder="e.g. 250" value={state.price} onChange={(e) => set('price', e.currentTarget.value)} error={errors.price} inputMode="numeric" data-field="price" />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} maxRows={6} value={state.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} data-field="description" />
          <SimpleGrid cols={2} spacing="sm">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput style={{ flex: 1 }} label="Icon URL" placeholder="https://…" value={state.iconUrl} onChange={(e) => set('iconUrl', e.currentTarget.value)} error={errors.iconUrl} data-field="iconUrl" />
              <ItemIcon url={state.iconUrl.trim()} type={state.type} rarity={state.rarity} size={30} />
            </Group>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput style={{ flex: 1 }} label="Image URL" placeholder="https://…" value={state.imageUrl} onChange={(e) => set('imageUrl', e.currentTarget.value)} error={errors.imageUrl} data-field="imageUrl" />
              <ItemIcon url={state.imageUrl.trim()} type={state.type} rarity={state.rarity} size={30} />
            </Group>
          </SimpleGrid>
          {state.imageUrl.trim().startsWith('https://') ? (
            <Box>
              <ItemIcon url={state.imageUrl.trim()} type={state.type} rarity={state.rarity} size={120} name={`${state.name} artwork`} />
            </Box>
          ) : null}
          <Divider label={`Usage (${ITEM_TYPE_INFO[state.type as ItemType]?.description ?? 'unknown type'})`} labelPosition="left" />
          <Group justify="flex-end">
            <Switch
              label="Edit usage_data as JSON"
              checked={state.usageRaw !== null}
              onChange={(e) => {
                const asJson = e.currentTarget.checked;
                change((s) => (asJson ? { ...s, usageRaw: JSON.stringify(s.usage, null, 2) } : s));
              }}
              disabled={state.usageRaw !== null}
            />
          </Group>
          {state.usageRaw === null ? (
            <UsageForm type={state.type} usage={state.usage} onChange={(usage) => set('usage', usage)} errors={errors} />
          ) : (
            <RawJsonField
              contract="item"
              label="usage_data"
              value={state.usageRaw}
              onChange={(text) => set('usageRaw', text)}
              issues={usageIssues}
              allowForeign={state.allowForeign}
              onAllowForeign={(allow) => set('allowForeign', allow)}
              offerForeign={base !== null}
              onUseForm={() => change((s) => ({ ...s, usage: JSON.parse(s.usageRaw ?? '{}') as Record<string, unknown>, usageRaw: null }))}
              testId="item-usage-json"
            />
          )}
        </Stack>
      </ScrollArea>
      <DraftConflictCompare draft={draft} />
    </Stack>
  );
}
