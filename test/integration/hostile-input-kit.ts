/**
 * What the hostile-input tests throw at the router: every mutation read off `appRouter` itself
 * (so a new write procedure is covered the day it lands), the zod schema of its input, and
 * fast-check arbitraries for the values an attacker or a broken client could send: wrong
 * types, huge and odd strings, negative and overflowing bigints, unknown enum values, deep
 * JSON, prototype-pollution keys, invalid dates.
 */
import fc from 'fast-check';
import type { AnyTRPCProcedure } from '@trpc/server';
import type { ZodType } from 'zod';
import { appRouter } from '../../src/main/api/root.js';
import type { AuroraDatabase } from '../../src/main/core/database.js';

export interface MutationUnderTest {
  path: string;
  schema: ZodType;
  /** Top-level field names when the input is an object (or a union of objects). */
  fields: string[];
  /** Object inputs: each field's own schema, to tell whether a value is wrong for that field alone. */
  fieldSchemas: Map<string, ZodType>;
  /** Whether the input is a plain object schema, so zod reports field paths for its fields. */
  isObject: boolean;
}

interface ZodInternals {
  _zod: { def: { type: string; innerType?: ZodType; in?: ZodType; options?: ZodType[]; shape?: Record<string, ZodType> } };
}

function defOf(schema: ZodType): ZodInternals['_zod']['def'] {
  return (schema as unknown as ZodInternals)._zod.def;
}

/** Through optional, nullable, default, catch, readonly and pipes (transforms) to the schema that holds the shape. */
function unwrap(schema: ZodType): ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    if (def.type === 'pipe' && def.in) current = def.in;
    else if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional'].includes(def.type)) current = def.innerType;
    else break;
  }
  return current;
}

function shapeOf(schema: ZodType): Record<string, ZodType> | null {
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? def.shape : null;
}

/** Every mutation of the app's router, from its definition. */
export function listMutations(): MutationUnderTest[] {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, AnyTRPCProcedure> }).procedures;
  const mutations: MutationUnderTest[] = [];
  for (const [path, procedure] of Object.entries(procedures)) {
    const def = procedure._def as unknown as { type: string; inputs: ZodType[] };
    if (def.type !== 'mutation') continue;
    if (def.inputs.length !== 1) throw new Error(`${path}: expected exactly one input schema, found ${def.inputs.length}`);
    const schema = def.inputs[0]!;
    const shape = shapeOf(schema);
    const fieldSchemas = new Map<string, ZodType>(shape ? Object.entries(shape) : []);
    const fields = new Set(fieldSchemas.keys());
    const top = defOf(unwrap(schema));
    if (top.type === 'union' && top.options) for (const option of top.options) for (const key of Object.keys(shapeOf(option) ?? {})) fields.add(key);
    mutations.push({ path, schema, fields: [...fields], fieldSchemas, isObject: shape !== null });
  }
  return mutations;
}

function nest(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

export const HUGE = 'A'.repeat(100_000);
const HUGE_UNICODE = '𝔄̶͓'.repeat(20_000);

/** One value an attacker could put anywhere. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  // wrong types and number edge cases
  fc.constantFrom<unknown>(null, undefined, true, false, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53 + 2, -(2 ** 63)),
  // negative and overflowing bigints, as bigint and as decimal text
  fc.constantFrom<unknown>(-1n, 0n, -(2n ** 63n) - 1n, 2n ** 63n, 2n ** 64n, 10n ** 40n, -(10n ** 40n)),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  fc.constantFrom('-1', '-0', '9223372036854775808', '18446744073709551616', '1e400', '0x1F', '１２３', '12abc', ' 42 ', 'NaN', '3.5', '+7'),
  // huge, odd and injection-shaped strings
  fc.constantFrom(
    HUGE,
    HUGE_UNICODE,
    '\u0000'.repeat(64),
    'a\u0000b',
    '\uD800',
    '\u202Egnp.exe',
    '\u200B\u200D\uFEFF',
    '<img src=x onerror="window.__pwned=1">',
    "'; DROP TABLE users; --",
    '${process.exit()}',
    '../../etc/passwd',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  // enum values nobody defined, and property names that are not data
  fc.constantFrom('unknown', 'ACTIVE', 'Warn', 'warn ', '__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  // deep JSON
  fc.constantFrom(
    nest(2_000, (inner) => [inner]),
    nest(2_000, (inner) => ({ a: inner })),
  ),
  fc.jsonValue({ maxDepth: 4 }),
  // prototype pollution and things JSON cannot carry
  fc.constantFrom<unknown>(
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    { constructor: { prototype: { polluted: 'yes' } } },
    new Date(NaN),
    new Date(8.64e15),
    new Map([['a', 1]]),
    new Set([1]),
    () => 1,
  ),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 6 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 5 }),
);

/**
 * An input for `mutation` that its schema rejects: mostly an object with the real field names
 * carrying hostile values (one of them named `field`), sometimes a hostile value as the whole input.
 */
export function rejectedInput(mutation: MutationUnderTest): fc.Arbitrary<{ input: unknown; field: string | null; value: unknown }> {
  const whole = hostileValue.map((input) => ({ input, field: null as string | null, value: input }));
  const candidates =
    mutation.fields.length === 0
      ? whole
      : fc.oneof(
          { weight: 4, arbitrary: fc
            .tuple(
              fc.constantFrom(...mutation.fields),
              hostileValue,
              fc.dictionary(fc.constantFrom(...mutation.fields), hostileValue, { maxKeys: mutation.fields.length }),
            )
            .map(([field, value, rest]) => ({ input: { ...rest, [field]: value } as unknown, field: field as string | null, value })) },
          { weight: 1, arbitrary: whole },
        );
  return candidates.filter(({ input }) => !acceptedBy(mutation.schema, input));
}

/**
 * Whether the schema takes the input. A schema that throws instead of answering (a refinement
 * that assumes an earlier check passed) did not accept it: the router must still answer
 * BAD_REQUEST for it, which is exactly what the property then checks.
 */
export function acceptedBy(schema: ZodType, input: unknown): boolean {
  try {
    return schema.safeParse(input).success;
  } catch {
    return false;
  }
}

export interface TableFingerprint {
  table: string;
  rows: string;
  hash: string;
}

/**
 * A fingerprint of every table in the bot's schema and in aurora_desk (rows and an md5 over
 * their text, in a stable order), except the audit log, which records refused calls on purpose
 * and is checked on its own.
 */
export async function fingerprintTables(database: AuroraDatabase): Promise<TableFingerprint[]> {
  const { rows: tables } = await database.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema IN ('public', 'aurora_desk')
        AND NOT (table_schema = 'aurora_desk' AND table_name = 'audit_log')
      ORDER BY 1, 2`,
  );
  if (tables.length === 0) throw new Error('no tables to fingerprint');
  const parts = tables.map(
    ({ schema, name }) =>
      `SELECT '${schema}.${name}' AS table, count(*)::text AS rows,
              md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS hash
         FROM "${schema}"."${name}" x`,
  );
  const { rows } = await database.query<TableFingerprint>(parts.join(' UNION ALL ') + ' ORDER BY 1');
  return rows;
}
