/**
 * A balance far outside the rest (a bug, an exploit, a test account the bot forgot): more than
 * OUTLIER_FACTOR times the median of the other top holders. The sum of circulation hides such a
 * balance; the economy view flags it.
 */
export const OUTLIER_FACTOR = 100n;

/** The IDs (as strings) of the balances that stand out among these holders. */
export function outlierIds(holders: readonly { id: bigint; balance: bigint }[]): Set<string> {
  const flagged = new Set<string>();
  if (holders.length < 3) return flagged;
  for (const holder of holders) {
    const others = holders.filter((h) => h !== holder).map((h) => h.balance).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const median = others[Math.floor(others.length / 2)]!;
    if (holder.balance > 0n && holder.balance > (median > 0n ? median : 1n) * OUTLIER_FACTOR) flagged.add(holder.id.toString());
  }
  return flagged;
}
