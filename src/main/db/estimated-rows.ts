/**
 * How many rows tables hold, as PostgreSQL itself estimates it (pg_class.reltuples, kept by
 * ANALYZE and autovacuum): read from the catalogue, no scan, so it costs the same at a thousand
 * rows as at a million. For deciding whether a table is large, never for a figure staff see.
 * A table never analysed (reltuples -1: fresh, or PGlite) counts as empty, a missing one as 0.
 */
import { sql } from 'drizzle-orm';
import type { AuroraDb } from '../core/database.js';

export async function estimatedRows(db: AuroraDb, tables: readonly string[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`coalesce(sum(greatest(reltuples, 0)), 0)::bigint::text` })
    .from(sql`pg_class`)
    .where(sql`oid IN (SELECT to_regclass(t) FROM unnest(${sql.param([...tables])}::text[]) AS t)`);
  return Number(row?.n ?? 0);
}
