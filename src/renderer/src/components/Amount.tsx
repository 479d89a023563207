import { Text, type MantineSize } from '@mantine/core';
import { formatAmount } from '../lib/format';
import { Missing } from './Missing';

export interface AmountProps {
  /** bigint or a decimal string: never rounded, never through a JS number. */
  value: bigint | string | number | null;
  /** Shown on hover where the value is NULL in the database. */
  missing?: string;
  /** "coins", "gems": shown after the number, dimmed. */
  currency?: string;
  size?: MantineSize;
  /** Show + for gains and colour gains/losses (transactions). */
  signed?: boolean;
  fw?: number;
}

export function Amount({ value, currency, size = 'sm', signed = false, fw, missing = 'no amount recorded' }: AmountProps) {
  if (value === null) return <Missing reason={missing} size={size} />;
  const big = typeof value === 'bigint' ? value : typeof value === 'number' ? null : BigInt(value);
  const negative = big !== null ? big < 0n : (value as number) < 0;
  const positive = big !== null ? big > 0n : (value as number) > 0;
  const text = formatAmount(value);
  const color = signed ? (negative ? 'red' : positive ? 'teal' : undefined) : undefined;
  return (
    <Text span size={size} c={color} fw={fw} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {signed && positive ? '+' : ''}
      {text}
      {currency ? (
        <Text span size={size} c="dimmed" inherit>
          {' '}
          {currency}
        </Text>
      ) : null}
    </Text>
  );
}
