/** Grant or remove items: which item, how many, the reason, then the exact change to the stack. */
import { Select, TextInput } from '@mantine/core';
import { playerName } from '../player-name';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { PlayerProfile } from '@shared/domain/players';
import { describeError } from '@renderer/lib/errors';
import { formatAmount } from '@renderer/lib/format';
import { notifySuccess } from '@renderer/lib/notify';
import { useGrantItem, useInventory, useItemChoices, useRemoveItem } from '../api';
import { ActionDialog } from './ActionDialog';
import { parseAmountText } from './amount-text';

export interface ItemDialogProps {
  profile: PlayerProfile;
  mode: 'grant' | 'remove';
  /** Pre-selected item (the inventory row the action started from). */
  itemId?: number;
  onClose(): void;
}

export function ItemDialog({ profile, mode, itemId: initialItem, onClose }: ItemDialogProps) {
  const grant = useGrantItem();
  const remove = useRemoveItem();
  const mutation = mode === 'grant' ? grant : remove;
  const inventory = useInventory(profile.id);
  const [itemId, setItemId] = useState<string | null>(initialItem ? String(initialItem) : null);
  const [search, setSearch] = useState('');
  // Picking an option puts its whole label in the box: search by the name part of it.
  const [debounced] = useDebouncedValue(search.split(' · ')[0] ?? '', 150);
  const choices = useItemChoices(debounced, mode === 'grant');
  const [quantityText, setQuantityText] = useState('1');
  const [reason, setReason] = useState('');

  const held = inventory.data ?? [];
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options =
    mode === 'grant'
      ? (choices.data ?? []).map((item) => ({ value: String(item.id), label: [item.name ?? '(no name)', `#${item.id}`, [item.rarity, item.type?.toLowerCase()].filter(Boolean).join(' ')].filter(Boolean).join(' · ') }))
      : held.map((entry) => ({ value: String(entry.itemId), label: `${entry.name ?? `#${entry.itemId}`} · holds ${entry.quantity === null ? 'no recorded quantity' : formatAmount(entry.quantity)}` }));
  // The chosen item stays listed while another search loads.
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  const name =
    itemId === null
      ? null
      : (held.find((e) => String(e.itemId) === itemId)?.name ?? choices.data?.find((c) => String(c.id) === itemId)?.name ?? chosen?.label.split(' · ')[0] ?? null);

  const quantity = parseAmountText(quantityText);
  const heldEntry = itemId === null ? undefined : held.find((e) => String(e.itemId) === itemId);
  // A stack whose quantity is NULL: a grant starts it from 0 (as the main process does); a removal is refused.
  const unrecorded = heldEntry !== undefined && heldEntry.quantity === null;
  const before = itemId === null ? null : (heldEntry?.quantity ?? 0n);
  const after = before === null || quantity === null ? null : mode === 'grant' ? before + quantity : before - quantity;
  const tooMany = mode === 'remove' && (unrecorded || (after !== null && after < 0n));
  const fieldError = mutation.error ? describeError(mutation.error).fieldErrors.quantity?.[0] : undefined;

  let summary: string | null = null;
  if (itemId !== null && name && quantity !== null && before !== null && after !== null && !tooMany) {
    summary =
      mode === 'grant'
        ? `Grant ${formatAmount(quantity)} × ${name} to ${playerName(profile)} (holds ${unrecorded ? 'no recorded quantity' : formatAmount(before)} → ${formatAmount(after)})`
        : `Remove ${formatAmount(quantity)} × ${name} from ${playerName(profile)} (holds ${formatAmount(before)} → ${formatAmount(after)}${after === 0n ? ': the stack is removed' : ''})`;
  }

  return (
    <ActionDialog
      title={mode === 'grant' ? `Grant an item to ${playerName(profile)}` : `Remove items from ${playerName(profile)}`}
      testId={`dialog-${mode}-item`}
      onClose={onClose}
      reason={reason}
      onReasonChange={setReason}
      summary={summary}
      blocker={itemId === null ? 'Choose an item.' : quantityText && quantity === null ? 'Enter a whole quantity, at least 1.' : null}
      confirmLabel={mode === 'grant' ? 'Grant' : 'Remove'}
      destructive={mode === 'remove'}
      pending={mutation.isPending}
      error={mutation.error}
      onDismissError={() => mutation.reset()}
      onConfirm={() => {
        if (itemId === null || quantity === null) return;
        mutation.mutate(
          { playerId: profile.id, itemId: Number(itemId), quantity, reason: reason.trim() },
          {
            onSuccess: (result) => {
              notifySuccess(
                mode === 'grant' ? `Granted ${formatAmount(quantity)} × ${name} to ${playerName(profile)}` : `Removed ${formatAmount(quantity)} × ${name} from ${playerName(profile)}`,
                `${playerName(profile)} now holds ${formatAmount(result.quantity)} · ledger row #${result.itemTransactionId}`,
              );
              onClose();
            },
          },
        );
      }}
    >
      <Select
        label="Item"
        placeholder={mode === 'grant' ? 'Search items by name or #number' : held.length === 0 ? 'The inventory is empty' : 'Choose a held item'}
        searchable
        searchValue={mode === 'grant' ? search : undefined}
        onSearchChange={mode === 'grant' ? setSearch : undefined}
        filter={mode === 'grant' ? ({ options: list }) => list : undefined}
        data={options}
        value={itemId}
        onChange={(value, option) => {
          setItemId(value);
          setChosen(option ? { value: option.value, label: option.label } : null);
        }}
        nothingFoundMessage={mode === 'grant' ? (choices.isFetching ? 'Searching…' : 'No item matches') : 'Nothing held'}
        description={before !== null ? `${playerName(profile)} holds ${formatAmount(before)}` : undefined}
        data-autofocus
        data-testid="action-item"
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label="Quantity"
        inputMode="numeric"
        value={quantityText}
        onChange={(event) => setQuantityText(event.currentTarget.value)}
        error={tooMany && before !== null ? `At most ${formatAmount(before)}: that is what ${playerName(profile)} holds` : fieldError}
        data-testid="action-quantity"
      />
    </ActionDialog>
  );
}
