/**
 * The wire format: superjson (bigint, Date, Map, Set survive), with a guard each way.
 *
 * Answers: superjson refuses to serialize an object with a key named `__proto__`, `constructor`
 * or `prototype` (a prototype-pollution guard), and jsonb written by the bot or by anyone with
 * its database access can hold exactly such keys: one such row would fail the whole answer and
 * break the screen. Answers therefore go out with those keys renamed, visibly ("__proto__
 * (unsafe key)"), in copies of the objects that had them and nowhere else.
 *
 * Inputs come from a page treated as compromised (docs/SECURITY.md), so they are decoded only
 * within budgets (src/shared/wire-budget.ts) and only with the types some input uses: JSON,
 * plus undefined, bigint, Date and the non-finite numbers superjson spells as text. The meta
 * that superjson applies is checked before it runs; the decoded value is measured after.
 */
import { TRPCError, type CombinedDataTransformer } from '@trpc/server';
import superjson from 'superjson';
import { ZodRealError } from 'zod';
import { decodedSizeLimit, describeMeasurement, LARGEST_INPUT_BYTES, MAX_INPUT_DEPTH, measureInput } from '@shared/wire-budget.js';

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

/**
 * A refused input: BAD_REQUEST with the reason as the form error the renderer shows. (A
 * ZodRealError, zod's Error subclass: tRPC keeps an Error cause as it is.)
 */
export function inputRefusal(message: string, code: 'BAD_REQUEST' | 'PAYLOAD_TOO_LARGE' = 'BAD_REQUEST', cause?: unknown): TRPCError {
  const details = new ZodRealError([{ code: 'custom', path: [], message, input: undefined }]);
  if (cause !== undefined) Object.assign(details, { cause });
  return new TRPCError({ code, message, cause: details });
}

/** superjson value annotations an input may carry, and how long the text each restores from may be. */
const INPUT_ANNOTATIONS: Readonly<Record<string, (text: unknown) => boolean>> = {
  undefined: (text) => text === null,
  // Decimal, as superjson writes it; 40 digits is already far past int8.
  bigint: (text) => typeof text === 'string' && /^-?\d{1,40}$/.test(text),
  Date: (text) => typeof text === 'string' && text.length <= 32,
  number: (text) => text === 'NaN' || text === 'Infinity' || text === '-Infinity' || text === '-0',
};

/** superjson's path syntax (meta v1): dot-separated, `\.` and `\\` escaped. */
function parseMetaPath(path: string): string[] | null {
  const segments: string[] = [];
  let segment = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === '\\') {
      const next = path[i + 1];
      if (next !== '\\' && next !== '.') return null;
      segment += next;
      i++;
    } else if (char === '.') {
      segments.push(segment);
      segment = '';
    } else {
      segment += char;
    }
  }
  segments.push(segment);
  return segments;
}

/** The JSON value at a path, or `missing` when the path leads nowhere (no holes, no inherited keys). */
const missing = Symbol('missing');
function valueAt(json: unknown, path: string[]): unknown {
  let current = json;
  for (const segment of path) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= current.length) return missing;
      current = current[Number(segment)];
    } else if (typeof current === 'object' && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return missing;
    }
  }
  return current;
}

/**
 * Refuses meta superjson would act on badly: value types no input has (Set, Map, RegExp,
 * Error, URL, classes, symbols, custom), annotations whose text is not what superjson writes
 * (a megabyte of digits for BigInt to chew on), or paths that lead nowhere (superjson would
 * create the keys, and array holes of any length, on its way).
 */
function checkInputMeta(json: unknown, meta: unknown): void {
  const malformed = () => inputRefusal('The request input has malformed superjson meta.');
  if (meta === undefined) return;
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw malformed();
  const { values, referentialEqualities, v, ...rest } = meta as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || v !== 1) throw malformed();
  if (referentialEqualities !== undefined && (typeof referentialEqualities !== 'object' || referentialEqualities === null)) throw malformed();
  if (values === undefined) return;
  if (typeof values !== 'object' || values === null) throw malformed();
  // The root value's annotation is the array itself; every other one sits under its path.
  const annotations: [string[] | null, unknown][] = Array.isArray(values) ? [[[], values]] : Object.entries(values).map(([path, tree]) => [parseMetaPath(path), tree]);
  for (const [path, tree] of annotations) {
    if (!path || !Array.isArray(tree)) throw malformed();
    const type: unknown = tree[0];
    const accepts = tree.length === 1 && typeof type === 'string' && Object.hasOwn(INPUT_ANNOTATIONS, type) ? INPUT_ANNOTATIONS[type]! : undefined;
    if (!accepts) throw inputRefusal(`The request input holds a value of type ${JSON.stringify(type)?.slice(0, 40) ?? '?'}, which no input accepts.`);
    const at = valueAt(json, path);
    if (at === missing || !accepts(at)) throw inputRefusal(`The request input's ${type} at "${path.join('.').slice(0, 200)}" is not as superjson writes it.`);
  }
}

/**
 * A call's input as the router receives it, from superjson's encoded form: within the byte
 * budget of the largest call (the transports hold each call to its own, smaller one first),
 * with only the types inputs use, and no larger once decoded than a small multiple of its bytes.
 */
export function decodeInput(encoded: unknown): unknown {
  const wire = measureInput(encoded, { maxSize: LARGEST_INPUT_BYTES, maxDepth: MAX_INPUT_DEPTH + 2, form: 'wire' });
  if (!wire.ok) throw inputRefusal(describeMeasurement(wire, LARGEST_INPUT_BYTES, 'wire'), wire.problem === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
  if (typeof encoded !== 'object' || encoded === null || Array.isArray(encoded) || Object.keys(encoded).some((key) => key !== 'json' && key !== 'meta')) {
    throw inputRefusal('The request input is not in superjson\'s form ({ json, meta }).');
  }
  const { json, meta } = encoded as { json?: unknown; meta?: unknown };
  checkInputMeta(json, meta);
  let decoded: unknown;
  try {
    decoded = superjson.deserialize(encoded as Parameters<typeof superjson.deserialize>[0]);
  } catch (cause) {
    throw inputRefusal('The request input could not be decoded.', 'BAD_REQUEST', cause);
  }
  const limit = decodedSizeLimit(wire.size);
  const size = measureInput(decoded, { maxSize: limit, form: 'decoded' });
  if (!size.ok) throw inputRefusal(describeMeasurement(size, limit, 'decoded'));
  return decoded;
}

export const deskTransformer: CombinedDataTransformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: decodeInput,
  },
  output: {
    serialize: (value: unknown) => superjson.serialize(withSafeKeys(value)),
    deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]),
  },
};
