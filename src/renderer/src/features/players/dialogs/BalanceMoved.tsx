import { Text } from '@mantine/core';
import { formatAmount } from '@renderer/lib/format';

/** Under a refused take's summary: the balance now, against the one reviewed, and what that leaves. */
export function BalanceMoved({ reviewed, now, amount, takeAll }: { reviewed: bigint | null; now: bigint | null; amount: bigint | null; takeAll: boolean }) {
  if (now === reviewed) return null;
  const shown = now === null ? 'none recorded' : formatAmount(now);
  const next =
    now === null || amount === null
      ? null
      : takeAll
        ? `Back, then review again to take all ${formatAmount(now)}.`
        : amount > now
          ? `Taking ${formatAmount(amount)} now would leave ${formatAmount(now - amount)}: take at most ${formatAmount(now)}.`
          : `Taking ${formatAmount(amount)} now leaves ${formatAmount(now - amount)}.`;
  return (
    <Text size="sm" data-testid="action-balance-now">
      Balance now <b>{shown}</b> (it was {reviewed === null ? 'none recorded' : formatAmount(reviewed)} at review). {next}
    </Text>
  );
}
