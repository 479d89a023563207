import { Alert, Badge, Box, Button, Divider, Group, Loader, ScrollArea, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { ITEM_RARITIES, ITEM_TYPES, ITEM_TYPE_INFO, defaultUsage, type ItemType, type StoredItem } from '../../../../../shared/domain/items';
import { KeyHint } from '../../../components/KeyHint';
import { ErrorState } from '../../../components/ErrorState';
import { describeError, fieldErrorsOf } from '../../../lib/errors';
import { useScreenKeys } from '../../../lib/keys';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useLeaveGuard } from '../../../lib/router';
import { useItem } from '../api/get-item';
import { useSaveItem } from '../api/save-item';
import { blankItemForm, firstErrors, isItemFormDirty, itemChanges, itemConflictFields, itemFormFromStored, validateItemForm, type ItemFormState } from '../item-form';
import { ConflictCompare } from './ConflictCompare';
import { ItemDeleteButton } from './ItemDeleteButton';
import { ItemIcon } from './ItemIcon';
import { RarityBadge } from './RarityBadge';
import { RawJsonField } from './RawJsonField';
import { UsageForm } from './UsageForm';

interface Props {
  id: number | 'new';
  onSaved(item: StoredItem): void;
  onClose(): void;
}

/** Loads the item, then edits it (a new one starts blank). */
export function ItemEditor({ id, onSaved, onClose }: Props) {
  const item = useItem(id === 'new' ? null : id);
  if (id !== 'new' && item.isPending) return <Loader size="sm" m="md" />;
  if (id !== 'new' && item.isError) return <ErrorState compact error={item.error} onRetry={() => void item.refetch()} what={`item #${id}`} />;
  return <ItemForm key={id === 'new' ? 'new' : `${id}`} stored={id === 'new' ? null : (item.data ?? null)} onSaved={onSaved} onClose={onClose} />;
}

interface Conflict {
  current: StoredItem;
  changedBy?: string;
  changedAt?: string;
}

function ItemForm({ stored, onSaved, onClose }: { stored: StoredItem | null; onSaved(item: StoredItem): void; onClose(): void }) {
  // The base is the row as opened; saving over a conflict moves it to theirs.
  const [base, setBase] = useState<StoredItem | null>(stored);
  const initial = useMemo(() => (base ? itemFormFromStored(base) : blankItemForm()), [base]);
  const [state, setState] = useState<ItemFormState>(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { create, update } = useSaveItem();
  const dirty = isItemFormDirty(initial, state);
  useLeaveGuard(dirty, 'This item has unsaved changes. Leave and discard them?');

  // A live change to a row nobody is editing here: show it.
  useEffect(() => {
    if (stored && base && stored.version !== base.version && !dirty) {
      setBase(stored);
      setState(itemFormFromStored(stored));
    }
  }, [stored, base, dirty]);

  // Told to the page once the saved state has rendered (and the leave guard is gone).
  const [justSaved, setJustSaved] = useState<StoredItem | null>(null);
  useEffect(() => {
    if (justSaved && !dirty) {
      setJustSaved(null);
      onSaved(justSaved);
    }
  }, [justSaved, dirty, onSaved]);

  const { issues, usageIssues } = validateItemForm(state);
  const edited = base ? itemChanges(initial, state) : {};
  // On a foreign row, what the game master did not touch is listed in the warning, not marked red.
  const shown = base?.shape === 'foreign' ? issues.filter((i) => (i.path.split('.')[0] ?? '') in edited) : issues;
  const errors = { ...firstErrors(shown), ...serverErrors };
  const foreign = base?.shape === 'foreign' ? base.issues : [];
  const set = <K extends keyof ItemFormState>(key: K, value: ItemFormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    setServerErrors({});
  };

  const save = () => {
    const onError = (error: unknown) => {
      const view = describeError(error);
      if (view.kind === 'conflict' && view.conflict?.current) {
        setConflict({ current: view.conflict.current as StoredItem, changedBy: view.conflict.changedBy, changedAt: view.conflict.changedAt });
        return;
      }
      setServerErrors(fieldErrorsOf(error));
      notifyError(error, 'Could not save the item');
    };
    const onSuccess = (saved: StoredItem) => {
      notifySuccess(base ? 'Item saved' : 'Item created', saved.name);
      setBase(saved);
      setState(itemFormFromStored(saved));
      setJustSaved(saved);
    };
    if (!base) {
      const { definition } = validateItemForm(state);
      if (!definition) return notifyError(new Error('Fix the highlighted fields first.'), 'Could not create the item');
      create.mutate(definition, { onSuccess, onError });
    } else {
      update.mutate({ id: base.id, version: base.version, changes: itemChanges(initial, state) }, { onSuccess, onError });
    }
  };
  const canSave = dirty && !create.isPending && !update.isPending && (base ? true : issues.length === 0);

  useScreenKeys('Item editor', [
    { keys: 'mod+s', label: 'Save the item', run: () => canSave && save(), inInputs: true },
    { keys: 'escape', label: 'Close the editor', run: onClose },
  ]);

  const typeData = [...ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_INFO[t].label })), ...(ITEM_TYPES.includes(state.type as ItemType) ? [] : [{ value: state.type, label: `${state.type} (unknown)` }])];
  const rarityData = [...ITEM_RARITIES, ...(ITEM_RARITIES.includes(state.rarity as never) ? [] : [state.rarity])];

  return (
    <Stack gap={0} h="100%" data-testid="item-editor">
      <Group justify="space-between" px="md" py="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--desk-border)' }}>
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ItemIcon url={state.iconUrl.trim()} type={state.type} rarity={state.rarity} size={40} name={state.name} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} lineClamp={1}>
              {state.name.trim() || 'New item'}
            </Title>
            <Group gap={6}>
              <RarityBadge rarity={state.rarity} size="xs" />
              <Badge size="xs" color="gray" variant="outline">
                {state.type}
              </Badge>
              {base ? (
                <Text size="xs" c="dimmed">
                  #{base.id}
                </Text>
              ) : null}
              {dirty ? (
                <Badge size="xs" color="yellow" variant="dot">
                  unsaved
                </Badge>
              ) : null}
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {base ? <ItemDeleteButton item={base} onDeleted={onClose} /> : null}
          <Button leftSection={<IconDeviceFloppy size={14} />} rightSection={<KeyHint keys="mod+s" />} disabled={!canSave} loading={create.isPending || update.isPending} onClick={save} data-testid="item-save">
            {base ? 'Save' : 'Create'}
          </Button>
          <Button variant="subtle" color="gray" px={6} onClick={onClose} aria-label="Close the editor">
            <IconX size={16} />
          </Button>
        </Group>
      </Group>
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap="sm" p="md">
          {foreign.length ? (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} title="Stored in a shape the contract does not know">
              <Text size="xs">
                The bot (or a script) wrote this row. It loads unchanged and stays so unless you edit it. {foreign.map((i) => `${i.path}: ${i.message}`).join(' · ')}
              </Text>
            </Alert>
          ) : null}
          <TextInput label="Name" required value={state.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} data-testid="item-name" />
          <SimpleGrid cols={3} spacing="sm">
            <Select label="Type" data={typeData} value={state.type} allowDeselect={false} onChange={(v) => v && setState((s) => ({ ...s, type: v, usage: s.usageRaw === null ? defaultUsage(v as ItemType) : s.usage }))} error={errors.type} />
            <Select label="Rarity" data={rarityData} value={state.rarity} allowDeselect={false} onChange={(v) => v && set('rarity', v)} error={errors.rarity} />
            <TextInput label="Price" description="Empty: not sold in the shop" placeholder="e.g. 250" value={state.price} onChange={(e) => set('price', e.currentTarget.value)} error={errors.price} inputMode="numeric" />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} maxRows={6} value={state.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} />
          <SimpleGrid cols={2} spacing="sm">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput style={{ flex: 1 }} label="Icon URL" placeholder="https://…" value={state.iconUrl} onChange={(e) => set('iconUrl', e.currentTarget.value)} error={errors.iconUrl} />
              <ItemIcon url={state.iconUrl.trim()} type={state.type} rarity={state.rarity} size={30} />
            </Group>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput style={{ flex: 1 }} label="Image URL" placeholder="https://…" value={state.imageUrl} onChange={(e) => set('imageUrl', e.currentTarget.value)} error={errors.imageUrl} />
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
                setState((s) => (asJson ? { ...s, usageRaw: JSON.stringify(s.usage, null, 2) } : s));
              }}
              disabled={state.usageRaw !== null}
            />
          </Group>
          {state.usageRaw === null ? (
            <UsageForm type={state.type} usage={state.usage} onChange={(usage) => set('usage', usage)} errors={errors} />
          ) : (
            <RawJsonField
              label="usage_data"
              value={state.usageRaw}
              onChange={(text) => set('usageRaw', text)}
              issues={usageIssues}
              allowForeign={state.allowForeign}
              onAllowForeign={(allow) => set('allowForeign', allow)}
              onUseForm={() => setState((s) => ({ ...s, usage: JSON.parse(s.usageRaw ?? '{}') as Record<string, unknown>, usageRaw: null }))}
              testId="item-usage-json"
            />
          )}
        </Stack>
      </ScrollArea>
      {conflict ? (
        <ConflictCompare
          opened
          what={`“${conflict.current.name}”`}
          changedBy={conflict.changedBy}
          changedAt={conflict.changedAt}
          fields={itemConflictFields(state, conflict.current)}
          onClose={() => setConflict(null)}
          onTakeTheirs={() => {
            setBase(conflict.current);
            setState(itemFormFromStored(conflict.current));
            setConflict(null);
          }}
          onKeepMine={() => {
            // My edits, re-based on their version: saving now goes over theirs knowingly.
            const mine = state;
            const theirs = conflict.current;
            setConflict(null);
            setBase(theirs);
            setState(mine);
            update.mutate(
              { id: theirs.id, version: theirs.version, changes: itemChanges(itemFormFromStored(theirs), mine) },
              {
                onSuccess: (saved) => {
                  notifySuccess('Item saved over the other version', saved.name);
                  setBase(saved);
                  setState(itemFormFromStored(saved));
                  setJustSaved(saved);
                },
                onError: (error) => notifyError(error, 'Could not save the item'),
              },
            );
          }}
        />
      ) : null}
    </Stack>
  );
}
