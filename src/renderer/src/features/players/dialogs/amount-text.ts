/** What staff type in an amount field ("1,200", "1 200") as bigint; null when it is not a whole positive number. */
export function parseAmountText(text: string): bigint | null {
  const digits = text.replace(/[,_\s]/g, '');
  if (!/^\d{1,19}$/.test(digits)) return null;
  const value = BigInt(digits);
  return value > 0n && value < 2n ** 63n ? value : null;
}
