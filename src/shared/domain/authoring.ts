/**
 * Pieces shared by the quest and item contracts: how a stored jsonb value is carried without
 * loss (as the exact text PostgreSQL printed), how contract problems are reported, and the
 * bigint-safe amounts and https-only URLs both editors use.
 */
import { z } from 'zod';
import { infinitePageShape } from '../input-bounds.js';

/** One reason a stored value does not match the contract. `path` is dotted ("rewards.items.0.itemId"). */
export interface ContractIssue {
  path: string;
  message: string;
}

export function issuesFrom(error: z.ZodError, prefix?: string): ContractIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((p) => p !== undefined && p !== '').join('.'),
    message: issue.message,
  }));
}

/** `issues` grouped by path, the shape the tRPC error formatter gives the renderer (fieldErrors). */
export function fieldErrorsFrom(issues: readonly ContractIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[issue.path || '_'] ??= []).push(issue.message);
  return out;
}

// Contract schemas never trim or coerce: a stored value either matches as it is or is foreign,
// so a row classified valid is exactly what the typed form shows. Forms trim before sending.

/** Upper snake case, as the bot spells its event, effect and currency constants. */
export const UPPER_SNAKE = /^[A-Z][A-Z0-9_]*$/;

export const upperSnakeSchema = (what: string, max = 50) =>
  z
    .string()
    .min(1, `Enter a ${what}`)
    .max(max, `A ${what} is at most ${max} characters`)
    .regex(UPPER_SNAKE, `A ${what} is written in UPPER_SNAKE_CASE (letters, digits, _)`);

const INT8_MAX = 2n ** 63n - 1n;
// zod runs every check even after the regex failed: guard BigInt() so hostile text cannot throw.

/**
 * A positive amount of currency as a decimal string: JSON numbers lose precision above 2^53
 * (and JavaScript reads them as doubles), the balance column is a 64-bit bigint.
 */
export const positiveAmountSchema = z
  .string({ error: 'An amount is a decimal string, e.g. "500"' })
  .regex(/^[1-9]\d{0,18}$/, 'A whole positive number without separators, e.g. "500"')
  .refine((s) => !/^\d+$/.test(s) || BigInt(s) <= INT8_MAX, 'Too large: at most 9223372036854775807');

/** Zero or more: a price. */
export const nonNegativeAmountSchema = z
  .string({ error: 'An amount is a decimal string, e.g. "500"' })
  .regex(/^(0|[1-9]\d{0,18})$/, 'A whole number without separators, e.g. "250"')
  .refine((s) => !/^\d+$/.test(s) || BigInt(s) <= INT8_MAX, 'Too large: at most 9223372036854775807');

/** A serial (int4) primary key. */
export const rowIdSchema = z.number().int('An ID is a whole number').min(1, 'An ID is positive').max(2147483647, 'An ID fits in 32 bits');

/** Images are fetched by the renderer; the CSP allows https: images only, and only https is stored. */
export const httpsUrlSchema = z
  .string()
  .max(2048, 'A URL is at most 2048 characters')
  .refine((s) => {
    try {
      const url = new URL(s);
      return url.protocol === 'https:' && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Use an https:// URL');

/** A row's version as the editor loaded it (a hash of the stored row). */
export const versionSchema = z.string().min(1).max(128);

/**
 * How an edited jsonb column travels: the typed value from the form, or the raw JSON text the
 * game master typed. Raw JSON that does not match the contract is only saved when
 * `allowForeign` says the game master knows the bot reads that shape.
 */
export const jsonEditSchema = <T extends z.ZodType>(typed: T) =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('typed'), value: typed }),
    z.strictObject({
      kind: z.literal('raw'),
      json: z.string().max(200_000, 'At most 200 kB of JSON'),
      allowForeign: z.boolean().default(false),
    }),
  ]);

export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

/** What a jsonb column the bot left NULL (not the JSON value null) reads as in the editors. */
export const NULL_COLUMN_MESSAGE = 'Empty: the column is NULL in the database';

/**
 * JSON.parse that reports instead of throwing. Large numbers lose precision here: keep the text too.
 * The bot's jsonb columns may be NULL (the text is then null): reported, never read as JSON null.
 */
export function parseJsonText(text: string | null): ParsedJson {
  if (text === null) return { ok: false, message: NULL_COLUMN_MESSAGE };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * Re-indents JSON text without parsing its values, so a 64-bit number or an odd float the bot
 * stored is shown exactly as stored. Invalid JSON comes back unchanged.
 */
export function formatJsonText(text: string | null, indent = 2): string {
  if (text === null) return '';
  if (!parseJsonText(text).ok) return text;
  let out = '';
  let depth = 0;
  let inString = false;
  const pad = () => '\n' + ' '.repeat(depth * indent);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
    if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === close) {
        out += ch + close;
        i = j;
      } else {
        depth++;
        out += ch + pad();
      }
    } else if (ch === '}' || ch === ']') {
      depth--;
      out += pad() + ch;
    } else if (ch === ',') {
      out += ',' + pad();
    } else if (ch === ':') {
      out += ': ';
    } else {
      out += ch;
    }
  }
  return out;
}

/** Key order does not matter to jsonb; compare values the way PostgreSQL does. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

// ── what every authored row shares (quests and items alike) ─────────────────────────────────

/** The columns every authored table has, as Aurora Desk reads a row. */
export interface AuthoredRowColumns {
  id: number;
  name: string;
  description: string | null;
  /** A hash of the row as loaded: what an edit must still match when it is saved. */
  version: string;
}

/** A superRefine step reporting a cross-column check's issues where zod reports its own. */
export function refineWith<T>(check: (value: T) => ContractIssue[]) {
  return (value: T, ctx: z.core.$RefinementCtx<T>) => {
    for (const issue of check(value)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path.split('.') });
  };
}

/**
 * A row as the desk loaded it: 'valid' (typed, exactly as stored) or 'foreign' (kept raw, with the
 * reasons it does not fit the contract, until a game master edits it).
 */
export type StoredRow<Row, Definition> = Row &
  ({ shape: 'valid'; definition: Definition; issues: [] } | { shape: 'foreign'; definition: null; issues: ContractIssue[] });

export function storedAsValid<Row, Definition>(row: Row, definition: Definition): StoredRow<Row, Definition> {
  return { ...row, shape: 'valid', definition, issues: [] } as StoredRow<Row, Definition>;
}

export function storedAsForeign<Row, Definition>(row: Row, issues: ContractIssue[]): StoredRow<Row, Definition> {
  return { ...row, shape: 'foreign', definition: null, issues } as StoredRow<Row, Definition>;
}

/** A name is the title of the row's embed in Discord. */
export const rowNameSchema = (what: string) => z.string().min(1, `Give the ${what} a name`).max(255, 'At most 255 characters');
/** Discord embeds cut descriptions at 4096 characters. */
export const rowDescriptionSchema = z.string().max(4000, 'At most 4000 characters').nullable();

export const rowIdInputSchema = z.strictObject({ id: rowIdSchema });

/** With the version the editor loaded, a row changed meanwhile is not deleted but answers CONFLICT. */
export const rowDeleteInputSchema = z.strictObject({ id: rowIdSchema, version: versionSchema.optional() });

/** Only the columns the game master changed; the rest of the stored row is left as it is. */
export const rowUpdateInputSchema = <Columns extends z.ZodRawShape>(columns: Columns) =>
  z.strictObject({
    id: rowIdSchema,
    version: versionSchema,
    changes: z.strictObject(columns).partial(),
    /**
     * The changed columns as the editor opened them (stored text). With them, a row changed
     * meanwhile is merged by field instead of refused: only a field both sides changed conflicts.
     */
    originals: z.partialRecord(z.enum(Object.keys(columns) as [string, ...string[]]), z.string().max(200_000).nullable()).optional(),
  });

/** What every list screen filters by: a name fragment or "#id", a page at a time. */
export const rowListShape = {
  search: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  ...infinitePageShape,
};
