/**
 * The bounds every input keeps, whatever the procedure: numbers within the range of the column
 * they end up in, cursors whose every part is such a value, and text without U+0000. A value
 * outside them is a BAD_REQUEST naming its field, before any SQL sees it: a PostgreSQL cast
 * that fails is a 500, and text holding U+0000 fails whatever insert it reaches (the audit row
 * included), because PostgreSQL text cannot store it.
 */
import { z } from 'zod';

export const INT8_MIN = -(2n ** 63n);
export const INT8_MAX = 2n ** 63n - 1n;
export const INT4_MAX = 2_147_483_647;

/** Any int8 column: bigserial ids (cases, bursts, ledger and audit rows) and keyset positions. */
export const int8Schema = z.bigint().min(INT8_MIN, 'Too small for a 64-bit number').max(INT8_MAX, 'Too large for a 64-bit number');

/** A Discord ID (user, moderator, claimer) as bigint: the bot keeps them in int8 columns. */
export const snowflakeBigintSchema = z.bigint().min(0n, 'A Discord ID is never negative').max(INT8_MAX, 'Too large for a Discord ID');

/** Whether decimal digits name a non-negative value an int8 column can hold (an id, a Discord ID). */
export function isInt8Digits(digits: string): boolean {
  return /^\d{1,20}$/.test(digits) && BigInt(digits) <= INT8_MAX;
}

/**
 * A date as a filter or a seen value: inputs travel to PostgreSQL as ISO text, which past year
 * 9999 is written "+010000-…" and which PostgreSQL does not read; before year 1 it is negative.
 */
export const dateInputSchema = z
  .date()
  .min(new Date('0001-01-01T00:00:00.000Z'), 'A date from year 1 on')
  .max(new Date('9999-12-31T23:59:59.999Z'), 'A date up to year 9999');

const TIMESTAMP_KEY = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;

/** A timestamp as the desk prints keyset positions (to_char … 'YYYY-MM-DD"T"HH24:MI:SS.US'): a real instant. */
export function isTimestampKey(text: string): boolean {
  const match = TIMESTAMP_KEY.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * A keyset cursor "<timestamp key>|<id digits>": its pattern, and the range of each part, since
 * the timestamp is cast to timestamp and the id compared with an int8 (or a snowflake) column.
 */
export function keysetCursorSchema(message: string) {
  return z
    .string()
    .max(64, message)
    .refine((text) => {
      const split = text.lastIndexOf('|');
      return split > 0 && isTimestampKey(text.slice(0, split)) && isInt8Digits(text.slice(split + 1));
    }, message);
}

/** For procedures that take no input: nothing, or an empty object, so a stray key is refused like anywhere else. */
export const noInputSchema = z.strictObject({}).optional();

export const NUL_MESSAGE = 'Text cannot contain the NUL character (U+0000)';

/**
 * Where `value` holds U+0000, in a string or in a key: up to `limit` paths, in the order met.
 * Plain objects and arrays are searched (each object once, so shared or cyclic values end),
 * without recursion, so a deep value cannot overflow the stack.
 */
export function findNulText(value: unknown, limit = 10): (string | number)[][] {
  interface Step {
    value: unknown;
    parent: Step | null;
    key: string | number;
  }
  const pathOf = (step: Step, last?: string | number): (string | number)[] => {
    const path: (string | number)[] = last === undefined ? [] : [last];
    for (let at: Step | null = step; at && at.parent; at = at.parent) path.unshift(at.key);
    return path;
  };
  const found: (string | number)[][] = [];
  const seen = new Set<object>();
  const stack: Step[] = [{ value, parent: null, key: '' }];
  while (stack.length > 0 && found.length < limit) {
    const step = stack.pop()!;
    const current = step.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(pathOf(step));
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], parent: step, key: i });
      continue;
    }
    const proto = Object.getPrototypeOf(current) as unknown;
    if (proto !== Object.prototype && proto !== null) continue;
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (key.includes('\u0000')) found.push(pathOf(step, key.replaceAll('\u0000', '\\0')));
      else stack.push({ value: (current as Record<string, unknown>)[key], parent: step, key });
    }
  }
  return found.slice(0, limit);
}

/**
 * What tRPC's infinite queries add to the input beside the cursor (@trpc/tanstack-react-query
 * sends the page direction): the keyset-paged procedures the renderer reads that way accept it.
 */
export const infinitePageShape = { direction: z.enum(['forward', 'backward']).optional() };
