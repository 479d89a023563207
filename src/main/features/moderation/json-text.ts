/**
 * JSON from the bot's metadata, read without losing digits: Discord IDs written as JSON numbers
 * (123456789012345678) do not fit a JS number, so integers beyond 2^53 become bigint (superjson
 * carries them; the renderer prints their digits). Everything else is ordinary JSON.parse.
 */
// jsonb cannot hold \u0000, so no real string starts with this marker.
const MARK = '\u0000aurora-bigint:';
const MARK_IN_JSON = '\\u0000aurora-bigint:';

/** Wraps unsafe integer literals (outside strings) in quotes with a marker, for the reviver. */
function markBigIntegers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      const literal = match?.[0] ?? ch;
      const isInteger = match !== null && match[1] === undefined && match[2] === undefined;
      out += isInteger && !Number.isSafeInteger(Number(literal)) ? `"${MARK_IN_JSON}${literal}"` : literal;
      i += literal.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

export function parseJsonExact(text: string): unknown {
  return JSON.parse(markBigIntegers(text), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(MARK) ? BigInt(value.slice(MARK.length)) : value,
  );
}

/** Pretty JSON with bigint written as its digits (valid JSON again). */
export function stringifyJsonExact(value: unknown): string {
  const marked = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${MARK}${v}` : v), 2);
  return (marked ?? 'null').replace(/"\\u0000aurora-bigint:(-?\d+)"/g, '$1');
}
