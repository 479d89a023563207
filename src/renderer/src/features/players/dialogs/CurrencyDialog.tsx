/** Grant or take coins: the amount, the reason, then the exact change to the balance. */
import { TextInput } from '@mantine/core';
import { playerName } from '../player-name';
import { useState } from 'react';
import type { PlayerProfile } from '@shared/domain/players';
import { describeError } from '@renderer/lib/errors';
import { formatAmount } from '@renderer/lib/format';
import { notifySuccess } from '@renderer/lib/notify';
import { useGrantCurrency, useTakeCurrency } from '../api';
import { ActionDialog } from './ActionDialog';
import { parseAmountText } from './amount-text';

export function CurrencyDialog({ profile, mode, onClose }: { profile: PlayerProfile; mode: 'grant' | 'take'; onClose(): void }) {
  const grant = useGrantCurrency();
  const take = useTakeCurrency();
  const mutation = mode === 'grant' ? grant : take;
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const amount = parseAmountText(amountText);
  // A NULL balance: a grant starts it from 0 (as the main process does); taking is refused.
  const balance = profile.balance ?? 0n;
  const after = amount === null ? null : mode === 'grant' ? balance + amount : balance - amount;
  const tooMuch = mode === 'take' && amount !== null && (profile.balance === null || amount > profile.balance);
  const shownBefore = profile.balance === null ? 'none recorded' : formatAmount(profile.balance);
  const fieldError = mutation.error ? describeError(mutation.error).fieldErrors.amount?.[0] : undefined;

  const summary =
    amount === null || after === null || tooMuch
      ? null
      : mode === 'grant'
        ? `Grant ${formatAmount(amount)} coins to ${playerName(profile)} (balance ${shownBefore} → ${formatAmount(after)})`
        : `Take ${formatAmount(amount)} coins from ${playerName(profile)} (balance ${shownBefore} → ${formatAmount(after)})`;

  return (
    <ActionDialog
      title={mode === 'grant' ? `Grant coins to ${playerName(profile)}` : `Take coins from ${playerName(profile)}`}
      testId={`dialog-${mode}-coins`}
      onClose={onClose}
      reason={reason}
      onReasonChange={setReason}
      summary={summary}
      blocker={amountText && amount === null ? 'Enter a whole number of coins, at least 1.' : null}
      confirmLabel={amount === null ? 'Confirm' : mode === 'grant' ? `Grant ${formatAmount(amount)} coins` : `Take ${formatAmount(amount)} coins`}
      destructive={mode === 'take'}
      pending={mutation.isPending}
      error={mutation.error}
      onDismissError={() => mutation.reset()}
      onConfirm={() => {
        if (amount === null) return;
        mutation.mutate(
          { playerId: profile.id, amount, reason: reason.trim() },
          {
            onSuccess: (result) => {
              notifySuccess(
                mode === 'grant' ? `Granted ${formatAmount(amount)} coins to ${playerName(profile)}` : `Took ${formatAmount(amount)} coins from ${playerName(profile)}`,
                `Balance now ${formatAmount(result.balance)} · ledger row #${result.transactionId}`,
              );
              onClose();
            },
          },
        );
      }}
    >
      <TextInput
        label="Amount"
        description={`Current balance: ${formatAmount(profile.balance)} coins`}
        placeholder="e.g. 500"
        inputMode="numeric"
        value={amountText}
        onChange={(event) => setAmountText(event.currentTarget.value)}
        error={tooMuch ? `At most ${formatAmount(profile.balance)}: a balance never goes below zero` : fieldError}
        data-autofocus
        data-testid="action-amount"
      />
    </ActionDialog>
  );
}
