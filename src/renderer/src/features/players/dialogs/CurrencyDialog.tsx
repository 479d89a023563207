/**
 * Grant or take coins: the amount, the reason, then the exact change to the balance. The review
 * keeps the balance it was shown with: if the bot moves the balance meanwhile, a refused take
 * still says what was asked ("1,200 → 700") beside what the balance is now. "Take all" takes the
 * whole balance as reviewed, and only while it is still that (the main process checks).
 */
import { Button, TextInput } from '@mantine/core';
import { playerName } from '../player-name';
import { useState } from 'react';
import type { PlayerProfile } from '@shared/domain/players';
import { describeError } from '@renderer/lib/errors';
import { formatAmount } from '@renderer/lib/format';
import { notifySuccess } from '@renderer/lib/notify';
import { useGrantCurrency, useTakeCurrency } from '../api';
import { ActionDialog } from './ActionDialog';
import { parseAmountText } from './amount-text';
import { BalanceMoved } from './BalanceMoved';

export function CurrencyDialog({ profile, mode, onClose }: { profile: PlayerProfile; mode: 'grant' | 'take'; onClose(): void }) {
  const grant = useGrantCurrency();
  const take = useTakeCurrency();
  const mutation = mode === 'grant' ? grant : take;
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [takeAll, setTakeAll] = useState(false);
  // The balance the review was opened with (undefined while editing).
  const [reviewed, setReviewed] = useState<{ balance: bigint | null } | undefined>(undefined);
  // "Take all" follows the balance while editing; the review fixes it.
  const amount = takeAll ? (reviewed ? reviewed.balance : profile.balance) : parseAmountText(amountText);
  const shownBalance = reviewed ? reviewed.balance : profile.balance;
  // A NULL balance: a grant starts it from 0 (as the main process does); taking is refused.
  const balance = shownBalance ?? 0n;
  const after = amount === null ? null : mode === 'grant' ? balance + amount : balance - amount;
  const tooMuch = mode === 'take' && amount !== null && (shownBalance === null || amount > shownBalance);
  const shownBefore = shownBalance === null ? 'none recorded' : formatAmount(shownBalance);
  const fieldError = mutation.error ? describeError(mutation.error).fieldErrors.amount?.[0] : undefined;
  const nothingToTake = mode === 'take' && (profile.balance === null || profile.balance === 0n);

  const summary =
    amount === null || after === null || tooMuch || amount === 0n
      ? null
      : mode === 'grant'
        ? `Grant ${formatAmount(amount)} coins to ${playerName(profile)} (balance ${shownBefore} → ${formatAmount(after)})`
        : `Take ${takeAll ? `all ${formatAmount(amount)}` : formatAmount(amount)} coins from ${playerName(profile)} (balance ${shownBefore} → ${formatAmount(after)})`;

  return (
    <ActionDialog
      title={mode === 'grant' ? `Grant coins to ${playerName(profile)}` : `Take coins from ${playerName(profile)}`}
      testId={`dialog-${mode}-coins`}
      onClose={onClose}
      reason={reason}
      onReasonChange={setReason}
      summary={summary}
      blocker={
        takeAll && nothingToTake
          ? 'There is nothing to take: the balance is 0 (or none is recorded).'
          : !takeAll && amountText && parseAmountText(amountText) === null
            ? 'Enter a whole number of coins, at least 1.'
            : null
      }
      confirmLabel={amount === null ? 'Confirm' : mode === 'grant' ? `Grant ${formatAmount(amount)} coins` : `Take ${takeAll ? 'all ' : ''}${formatAmount(amount)} coins`}
      destructive={mode === 'take'}
      pending={mutation.isPending}
      error={mutation.error}
      onDismissError={() => mutation.reset()}
      refusalsOnReview={mode === 'take'}
      onStepChange={(step) => setReviewed(step === 'review' ? { balance: profile.balance } : undefined)}
      reviewNote={
        reviewed && mutation.error ? <BalanceMoved reviewed={reviewed.balance} now={profile.balance} amount={amount} takeAll={takeAll} /> : null
      }
      onConfirm={() => {
        if (amount === null) return;
        const input = { playerId: profile.id, amount, reason: reason.trim() };
        const handlers = {
          onSuccess: (result: { balance: bigint; transactionId: bigint }) => {
            notifySuccess(
              mode === 'grant' ? `Granted ${formatAmount(amount)} coins to ${playerName(profile)}` : `Took ${formatAmount(amount)} coins from ${playerName(profile)}`,
              `Balance now ${formatAmount(result.balance)} · ledger row #${result.transactionId}`,
            );
            onClose();
          },
        };
        if (mode === 'grant') grant.mutate(input, handlers);
        else take.mutate({ ...input, wholeBalance: takeAll }, handlers);
      }}
    >
      <TextInput
        label="Amount"
        description={`Current balance: ${formatAmount(profile.balance)} coins`}
        placeholder="e.g. 500"
        inputMode="numeric"
        value={takeAll ? (profile.balance === null ? '' : formatAmount(profile.balance)) : amountText}
        readOnly={takeAll}
        onChange={(event) => setAmountText(event.currentTarget.value)}
        error={tooMuch && !takeAll ? `At most ${formatAmount(profile.balance)}: a balance never goes below zero` : fieldError}
        rightSectionWidth={mode === 'take' ? 92 : undefined}
        rightSection={
          mode === 'take' ? (
            <Button
              size="compact-xs"
              variant={takeAll ? 'filled' : 'light'}
              color="red"
              disabled={nothingToTake && !takeAll}
              onClick={() => {
                if (takeAll) setAmountText('');
                setTakeAll(!takeAll);
                mutation.reset();
              }}
              aria-pressed={takeAll}
              data-testid="action-take-all"
            >
              {takeAll ? 'Type instead' : 'Take all'}
            </Button>
          ) : undefined
        }
        data-autofocus
        data-testid="action-amount"
      />
    </ActionDialog>
  );
}
