/** The shape Aurora Desk expects, derived from the Drizzle tables in schema.ts (never hand-copied). */
import { is, SQL } from 'drizzle-orm';
import { getTableConfig, PgDialect, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { botTables } from '../schema.js';

export interface ExpectedColumn {
  name: string;
  /** As format_type() spells it: 'character varying(255)', 'timestamp without time zone'. */
  type: string;
  notNull: boolean;
  /** Normalised default expression; 'autoincrement' for serial columns; undefined for none. */
  default?: string;
}

export interface ExpectedForeignKey {
  columns: string[];
  foreignTable: string;
  foreignColumns: string[];
  onDelete: string;
}

export interface ExpectedTable {
  name: string;
  columns: ExpectedColumn[];
  primaryKey: string[];
  uniques: string[][];
  foreignKeys: ExpectedForeignKey[];
  checks: { name: string; expression: string }[];
}

const dialect = new PgDialect();

/** Drizzle's spelling of a type to PostgreSQL's format_type() spelling. */
export function canonicalType(drizzleType: string): string {
  const t = drizzleType.trim().toLowerCase();
  const length = /^(?:varchar|character varying)\s*\((\d+)\)$/.exec(t);
  if (length) return `character varying(${length[1]})`;
  const char = /^(?:char|character)\s*\((\d+)\)$/.exec(t);
  if (char) return `character(${char[1]})`;
  const stamp = /^timestamp\s*(?:\((\d)\))?\s*(with time zone|without time zone)?$/.exec(t);
  if (stamp) return `timestamp${stamp[1] ? `(${stamp[1]})` : ''} ${stamp[2] ?? 'without time zone'}`;
  const aliases: Record<string, string> = {
    serial: 'integer',
    serial4: 'integer',
    int: 'integer',
    int4: 'integer',
    bigserial: 'bigint',
    serial8: 'bigint',
    int8: 'bigint',
    smallserial: 'smallint',
    int2: 'smallint',
    varchar: 'character varying',
    bool: 'boolean',
    float8: 'double precision',
    timestamptz: 'timestamp with time zone',
  };
  return aliases[t] ?? t;
}

/** Reduces a default or check expression to a comparable core: no casts, quotes, parens or spaces. */
export function normaliseExpression(expression: string): string {
  let e = expression.trim();
  if (/^check\s*\(/i.test(e)) e = e.replace(/^check\s*/i, '');
  e = e
    .replace(/::(?:character varying|timestamp with(?:out)? time zone|double precision|"?[a-z_][a-z_0-9]*"?)(?:\(\d+\))?(?:\[\])?/gi, '')
    .replace(/"[^"]+"\./g, '')
    .replace(/"/g, '')
    .replace(/[()\s]/g, '')
    .toLowerCase();
  if (['now', 'current_timestamp', 'transaction_timestamp', 'localtimestamp', 'statement_timestamp'].includes(e)) return 'now';
  if (e.startsWith('nextval')) return 'autoincrement';
  return e;
}

function expectedDefault(column: PgColumn): string | undefined {
  if (column.columnType === 'PgSerial' || column.columnType.startsWith('PgBigSerial') || column.columnType === 'PgSmallSerial') {
    return 'autoincrement';
  }
  if (!column.hasDefault || column.default === undefined) return undefined;
  const value = column.default;
  if (is(value, SQL)) return normaliseExpression(dialect.sqlToQuery(value).sql);
  if (typeof value === 'string') return normaliseExpression(`'${value.replace(/'/g, "''")}'`);
  return normaliseExpression(String(value));
}

function describeTable(table: PgTable): ExpectedTable {
  const config = getTableConfig(table);
  const columns = config.columns.map((column) => ({
    name: column.name,
    type: canonicalType(column.getSQLType()),
    notNull: column.notNull,
    default: expectedDefault(column),
  }));
  const primaryKey =
    config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  const uniques = [
    ...config.columns.filter((c) => c.isUnique).map((c) => [c.name]),
    ...config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
  ];
  const foreignKeys = config.foreignKeys.map((fk) => {
    const ref = fk.reference();
    return {
      columns: ref.columns.map((c) => c.name),
      foreignTable: getTableConfig(ref.foreignTable).name,
      foreignColumns: ref.foreignColumns.map((c) => c.name),
      onDelete: fk.onDelete ?? 'no action',
    };
  });
  const checks = config.checks.map((c) => ({ name: c.name, expression: normaliseExpression(dialect.sqlToQuery(c.value).sql) }));
  return { name: config.name, columns, primaryKey, uniques, foreignKeys, checks };
}

export function expectedBotSchema(): ExpectedTable[] {
  return Object.values(botTables).map((table) => describeTable(table as PgTable));
}
