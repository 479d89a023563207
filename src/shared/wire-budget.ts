/**
 * What one call may send the main process, whichever way it arrives (the window's MessagePort,
 * the web harness' HTTP): bytes on the wire, size once decoded, depth, calls in a batch.
 *
 * Both budgets are needed. A byte budget alone lets a few kilobytes decode into gigabytes:
 * superjson's `referentialEqualities` make many keys the same object, and a structured clone
 * keeps shared references, so a value that is small as a graph is astronomically large as the
 * tree every validator, copier and JSON.stringify walks. The decoded size is therefore measured
 * as a tree, every shared object counted each time it is reached, and held to a small multiple
 * of the bytes that carried it: legitimate input (superjson writes every copy out in full)
 * never comes near it.
 */

const MiB = 1024 * 1024;

/** Bytes one call's input may take on the wire. */
export const MAX_INPUT_BYTES = MiB;
/** A quest pack travels as text, up to 10 MB (quest-pack.ts), which JSON escaping can grow. */
export const MAX_PACK_INPUT_BYTES = 16 * MiB;
/** Procedures whose input may exceed MAX_INPUT_BYTES, and by how much. */
const LARGER_INPUTS: Readonly<Record<string, number>> = {
  'quests.previewImport': MAX_PACK_INPUT_BYTES,
  'quests.applyImport': MAX_PACK_INPUT_BYTES,
};
/** The most any call may send: what a decoder that does not know the procedure allows. */
export const LARGEST_INPUT_BYTES = Math.max(MAX_INPUT_BYTES, ...Object.values(LARGER_INPUTS));

/** No input nests deeper than a dozen levels; a hundred leaves room and stops stack-deep values. */
export const MAX_INPUT_DEPTH = 100;
/** Calls in one HTTP batch (the desk's own clients never batch). */
export const MAX_BATCH_CALLS = 10;
/** Decoded size allowed per byte on the wire (see above), plus a little for tiny inputs. */
const DECODED_PER_WIRE_BYTE = 2;
const DECODED_SLACK = 16 * 1024;

/** The byte budget of a call to `path` (a procedure path such as 'quests.applyImport'). */
export function inputByteLimit(path: string): number {
  return Object.hasOwn(LARGER_INPUTS, path) ? LARGER_INPUTS[path]! : MAX_INPUT_BYTES;
}

/** The decoded-size budget of an input that took `wireBytes` on the wire. */
export function decodedSizeLimit(wireBytes: number): number {
  return wireBytes * DECODED_PER_WIRE_BYTE + DECODED_SLACK;
}

export type Measurement =
  | { ok: true; size: number }
  | { ok: false; problem: 'too-large' | 'too-deep'; size: number }
  | { ok: false; problem: 'not-data'; what: string };

export interface MeasureOptions {
  /** Stop and answer 'too-large' past this size (about the bytes its JSON would take). */
  maxSize: number;
  maxDepth?: number;
  /**
   * 'wire': only what superjson's encoded form holds (JSON, and undefined, which a structured
   * clone keeps). 'decoded': also bigint and Date, which superjson restores.
   */
  form: 'wire' | 'decoded';
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Keys superjson refuses to write and that would set a prototype when copied: never data. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The size of `value` as a tree (about the bytes of its JSON), walked without recursion and
 * never past `maxSize`: a shared object counts every time it is reached, so a cycle or a
 * wide graph of shared references runs out of budget instead of out of memory. Arrays are
 * charged their length before their items are read, so a sparse array of a billion slots
 * costs nothing to refuse.
 */
export function measureInput(value: unknown, options: MeasureOptions): Measurement {
  const maxDepth = options.maxDepth ?? MAX_INPUT_DEPTH;
  let size = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (size > options.maxSize) return { ok: false, problem: 'too-large', size };
    switch (typeof current) {
      case 'string':
        size += current.length + 2;
        continue;
      case 'number':
      case 'boolean':
        size += 8;
        continue;
      case 'undefined':
        size += 4;
        continue;
      case 'bigint':
        if (options.form === 'wire') return { ok: false, problem: 'not-data', what: 'a bigint' };
        size += current.toString().length;
        continue;
      case 'object':
        break;
      default:
        return { ok: false, problem: 'not-data', what: `a ${typeof current}` };
    }
    if (current === null) {
      size += 4;
      continue;
    }
    if (depth >= maxDepth) return { ok: false, problem: 'too-deep', size };
    if (current instanceof Date) {
      if (options.form === 'wire') return { ok: false, problem: 'not-data', what: 'a Date' };
      size += 26;
      continue;
    }
    if (Array.isArray(current)) {
      size += 2 + current.length;
      if (size > options.maxSize) return { ok: false, problem: 'too-large', size };
      for (let i = 0; i < current.length; i++) stack.push([current[i], depth + 1]);
      continue;
    }
    if (!isPlainObject(current)) return { ok: false, problem: 'not-data', what: `a ${(current as { constructor?: { name?: string } }).constructor?.name ?? 'non-plain object'}` };
    size += 2;
    for (const key in current) {
      if (!Object.hasOwn(current, key)) continue;
      if (PROTOTYPE_KEYS.has(key)) return { ok: false, problem: 'not-data', what: `a "${key}" key` };
      size += key.length + 4;
      if (size > options.maxSize) return { ok: false, problem: 'too-large', size };
      stack.push([(current as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return size > options.maxSize ? { ok: false, problem: 'too-large', size } : { ok: true, size };
}

/** A refusal in words, for the error the caller gets. */
export function describeMeasurement(measurement: Exclude<Measurement, { ok: true }>, limit: number, form: MeasureOptions['form']): string {
  const kib = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en-US')} KiB`;
  switch (measurement.problem) {
    case 'too-large':
      return form === 'wire'
        ? `The request input is larger than the ${kib(limit)} this call may send.`
        : `The request input is too large once decoded (more than ${kib(limit)}): shared references expand it beyond what was sent.`;
    case 'too-deep':
      return `The request input nests deeper than ${MAX_INPUT_DEPTH} levels.`;
    case 'not-data':
      return `The request input holds ${measurement.what}, which no input accepts.`;
  }
}
