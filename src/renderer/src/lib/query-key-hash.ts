/**
 * TanStack Query hashes query keys with JSON.stringify, which throws on bigint, and our inputs
 * carry bigint snowflakes ({ id: 1100000000000000001n }). This is its hash (object keys
 * sorted, so property order does not matter) with bigints written as tagged strings.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function hashQueryKey(queryKey: readonly unknown[]): string {
  return JSON.stringify(queryKey, (_key, value: unknown) => {
    if (typeof value === 'bigint') return { $bigint: value.toString() };
    if (isPlainObject(value)) {
      return Object.keys(value)
        .sort()
        .reduce<Record<string, unknown>>((sorted, key) => {
          sorted[key] = value[key];
          return sorted;
        }, {});
    }
    return value;
  });
}
