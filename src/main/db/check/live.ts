/** The live shape, read from pg_catalog of the current schema. SELECTs only. */
import type { AuroraDatabase } from '../../core/database.js';

export interface LiveColumn {
  table_name: string;
  column_name: string;
  type: string;
  not_null: boolean;
  default_expr: string | null;
  identity: string;
}

export interface LiveConstraint {
  table_name: string;
  name: string;
  kind: 'p' | 'f' | 'c';
  columns: string[];
  foreign_table: string | null;
  foreign_columns: string[] | null;
  on_delete: string;
  definition: string;
}

export interface LiveUnique {
  table_name: string;
  name: string;
  columns: string[];
}

export const ON_DELETE: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

const TABLES_SQL = `
  SELECT c.relname AS table_name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`;

const COLUMNS_SQL = `
  SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
         a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity::text AS identity
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
   ORDER BY c.relname, a.attnum`;

const columnNames = (rel: string, keys: string) => `
  (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(${keys}) WITH ORDINALITY AS k(num, ord)
     JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.num)`;

const CONSTRAINTS_SQL = `
  SELECT c.relname AS table_name, con.conname AS name, con.contype::text AS kind,
         ${columnNames('con.conrelid', 'con.conkey')} AS columns,
         f.relname AS foreign_table,
         ${columnNames('con.confrelid', 'con.confkey')} AS foreign_columns,
         con.confdeltype::text AS on_delete, pg_get_constraintdef(con.oid) AS definition
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class f ON f.oid = con.confrelid
   WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f', 'c')
   ORDER BY c.relname, con.conname`;

// Unique constraints and plain unique indexes both guarantee uniqueness; partial or expression indexes do not.
const UNIQUES_SQL = `
  SELECT c.relname AS table_name, ic.relname AS name, ${columnNames('i.indrelid', 'i.indkey::int2[]')} AS columns
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = current_schema() AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
   ORDER BY c.relname, ic.relname`;

export interface LiveSchema {
  tables: string[];
  columns: LiveColumn[];
  constraints: LiveConstraint[];
  uniques: LiveUnique[];
}

export async function readLiveSchema(database: AuroraDatabase): Promise<LiveSchema> {
  const [tables, columns, constraints, uniques] = await Promise.all([
    database.query<{ table_name: string }>(TABLES_SQL),
    database.query<LiveColumn>(COLUMNS_SQL),
    database.query<LiveConstraint>(CONSTRAINTS_SQL),
    database.query<LiveUnique>(UNIQUES_SQL),
  ]);
  return { tables: tables.rows.map((r) => r.table_name), columns: columns.rows, constraints: constraints.rows, uniques: uniques.rows };
}
