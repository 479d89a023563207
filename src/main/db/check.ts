/**
 * Compares a live database with the bot schema Aurora Desk expects (schema.ts) and reports every
 * difference. Read-only by construction: it runs SELECTs on pg_catalog and nothing else, so it is
 * safe against the bot's production database.
 *
 * The expectation is derived from the Drizzle tables with getTableConfig, never hand-copied, so
 * schema.ts stays the single source. Constraints are matched by meaning (columns, target,
 * expression), not by name: the bot's migrations may have named them differently.
 */
import type { SchemaDifference, SchemaReport } from '@shared/domain/schema-check.js';
import { compareTable } from './check/compare.js';
import { expectedBotSchema } from './check/expected.js';
import { readLiveSchema } from './check/live.js';
import type { AuroraDatabase } from '../core/database.js';

export type { SchemaDifference, SchemaReport, SchemaSeverity } from '@shared/domain/schema-check.js';
export { canonicalType, expectedBotSchema, normaliseExpression } from './check/expected.js';

export async function checkSchema(database: AuroraDatabase): Promise<SchemaReport> {
  const live = await readLiveSchema(database);
  const expected = expectedBotSchema();
  const liveTables = new Set(live.tables);
  const checkedAt = new Date();
  if (!expected.some((t) => liveTables.has(t.name))) return { ok: false, empty: true, differences: [], checkedAt };

  const differences: SchemaDifference[] = [];
  const expectedNames = new Set(expected.map((t) => t.name));
  for (const table of expected) {
    if (!liveTables.has(table.name)) {
      differences.push({ severity: 'error', table: table.name, kind: 'missing-table', expected: table.name, message: `Table ${table.name} is missing.` });
      continue;
    }
    compareTable(
      table,
      live.columns.filter((c) => c.table_name === table.name),
      live.constraints.filter((c) => c.table_name === table.name),
      live.uniques.filter((u) => u.table_name === table.name),
      differences,
    );
  }
  for (const name of liveTables) {
    if (!expectedNames.has(name)) {
      differences.push({ severity: 'info', table: name, kind: 'extra-table', actual: name, message: `Table ${name} is not part of the bot schema Aurora Desk knows; it is left alone.` });
    }
  }
  return { ok: !differences.some((d) => d.severity === 'error'), empty: false, differences, checkedAt };
}

// ---------------------------------------------------------------- the readable report

const LABEL = { error: 'ERROR  ', warning: 'WARNING', info: 'INFO   ' } as const;

export function formatSchemaReport(report: SchemaReport): string {
  if (report.empty) {
    return 'Schema check: the database holds none of the bot tables (empty). Run db:migrate to create them.';
  }
  const count = (severity: SchemaDifference['severity']) => report.differences.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const head = report.ok
    ? `Schema check: OK, the bot schema matches (${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} note${infos === 1 ? '' : 's'}).`
    : `Schema check: MISMATCH, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} note${infos === 1 ? '' : 's'}.`;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const lines = [...report.differences]
    .sort((a, b) => order[a.severity] - order[b.severity] || a.table.localeCompare(b.table))
    .map((d) => {
      const where = d.column ? `${d.table}.${d.column}` : d.table;
      return `  ${LABEL[d.severity]} ${where.padEnd(32)} ${d.message}`;
    });
  return [head, ...lines].join('\n');
}
