/**
 * The wire format: superjson (bigint, Date, Map, Set survive), with one guard for data we do
 * not control. superjson refuses to serialize an object with a key named `__proto__`,
 * `constructor` or `prototype` (a prototype-pollution guard), and jsonb written by the bot or
 * by anyone with its database access can hold exactly such keys: one such row would fail the
 * whole answer and break the screen. Answers therefore go out with those keys renamed, visibly
 * ("__proto__ (unsafe key)"), in copies of the objects that had them and nowhere else. Inputs
 * are read by plain superjson: the renderer never sends such keys (its superjson refuses them).
 */
import type { CombinedDataTransformer } from '@trpc/server';
import superjson from 'superjson';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const UNSAFE_KEY_SUFFIX = ' (unsafe key)';

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The value with every unsafe own key renamed; the same value (no copy) when it has none. */
export function withSafeKeys<T>(value: T, seen = new Map<object, unknown>()): T {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value) as T;
  if (Array.isArray(value)) {
    seen.set(value, value);
    let copy: unknown[] | null = null;
    value.forEach((item, index) => {
      const safe = withSafeKeys(item, seen);
      if (safe !== item) (copy ??= [...value])[index] = safe;
    });
    if (copy) seen.set(value, copy);
    return (copy ?? value) as T;
  }
  if (!isPlainObject(value)) return value; // Date, Map, Set, class instances: superjson's own business
  seen.set(value, value);
  let changed = false;
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const safe = withSafeKeys(item, seen);
    const safeKey = UNSAFE_KEYS.has(key) ? `${key}${UNSAFE_KEY_SUFFIX}` : key;
    if (safe !== item || safeKey !== key) changed = true;
    entries.push([safeKey, safe]);
  }
  if (!changed) return value;
  // defineProperty-free: none of the new keys is special any more.
  const copy = Object.fromEntries(entries) as T;
  seen.set(value, copy);
  return copy;
}

export const deskTransformer: CombinedDataTransformer = {
  input: superjson,
  output: {
    serialize: (value: unknown) => superjson.serialize(withSafeKeys(value)),
    deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]),
  },
};
