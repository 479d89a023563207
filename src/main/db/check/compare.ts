/** Compares one expected table with its live counterpart, matching constraints by meaning, not name. */
import type { SchemaDifference } from '@shared/domain/schema-check.js';
import { normaliseExpression, type ExpectedColumn, type ExpectedTable } from './expected.js';
import { nullBehaviour } from './null-behaviour.js';
import { ON_DELETE, type LiveColumn, type LiveConstraint, type LiveUnique } from './live.js';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
const list = (columns: readonly string[]) => `(${columns.join(', ')})`;

export function compareTable(
  table: ExpectedTable,
  live: LiveColumn[],
  constraints: LiveConstraint[],
  uniques: LiveUnique[],
  out: SchemaDifference[],
): void {
  const t = table.name;
  const byName = new Map(live.map((c) => [c.column_name, c]));
  for (const want of table.columns) {
    const have = byName.get(want.name);
    const at = `${t}.${want.name}`;
    if (!have) {
      out.push({ severity: 'error', table: t, column: want.name, kind: 'missing-column', expected: want.type, message: `Column ${at} is missing.` });
      continue;
    }
    if (have.type !== want.type) {
      const bothVarchar = have.type.startsWith('character varying') && want.type.startsWith('character varying');
      out.push({
        severity: 'error',
        table: t,
        column: want.name,
        kind: bothVarchar ? 'length' : 'type',
        expected: want.type,
        actual: have.type,
        message: bothVarchar
          ? `Column ${at} has length ${have.type.replace('character varying', '') || '(unlimited)'}, expected ${want.type.replace('character varying', '')}.`
          : `Column ${at} is ${have.type}, expected ${want.type}.`,
      });
    }
    if (have.not_null !== want.notNull) {
      out.push({
        severity: 'warning',
        table: t,
        column: want.name,
        kind: 'nullability',
        expected: want.notNull ? 'NOT NULL' : 'NULL',
        actual: have.not_null ? 'NOT NULL' : 'NULL',
        message: have.not_null
          ? `Column ${at} is NOT NULL where Aurora Desk expects it may be empty; writes that leave it out will fail.`
          : `Column ${at} allows NULL where Aurora Desk expects a value; ${nullBehaviour(t, want.name)}.`,
      });
    }
    compareDefault(t, want, have, out);
  }
  const known = new Set(table.columns.map((c) => c.name));
  for (const have of live) {
    if (!known.has(have.column_name)) {
      out.push({ severity: 'info', table: t, column: have.column_name, kind: 'extra-column', actual: have.type, message: `Column ${t}.${have.column_name} (${have.type}) is extra; Aurora Desk ignores it.` });
    }
  }
  compareKeys(table, constraints, uniques, out);
}

function compareDefault(t: string, want: ExpectedColumn, have: LiveColumn, out: SchemaDifference[]): void {
  // An identity column counts as auto-increment just like serial's nextval().
  const actual = have.identity === 'a' || have.identity === 'd' ? 'autoincrement' : have.default_expr ? normaliseExpression(have.default_expr) : undefined;
  if (actual === want.default) return;
  const at = `${t}.${want.name}`;
  const shown = have.default_expr ?? (actual === 'autoincrement' ? 'identity' : undefined);
  if (want.default === undefined) {
    out.push({ severity: 'info', table: t, column: want.name, kind: 'default', actual: shown, message: `Column ${at} has a default (${shown}) Aurora Desk does not rely on.` });
    return;
  }
  out.push({
    severity: 'warning',
    table: t,
    column: want.name,
    kind: 'default',
    expected: want.default,
    actual: shown,
    message: actual === undefined ? `Column ${at} has no default (expected ${want.default}).` : `Column ${at} defaults to ${shown} (expected ${want.default}).`,
  });
}

function compareKeys(table: ExpectedTable, constraints: LiveConstraint[], uniques: LiveUnique[], out: SchemaDifference[]): void {
  const t = table.name;
  const primary = constraints.find((c) => c.kind === 'p');
  if (table.primaryKey.length > 0) {
    if (!primary) {
      out.push({ severity: 'error', table: t, kind: 'missing-primary-key', expected: list(table.primaryKey), message: `Table ${t} has no primary key; expected ${list(table.primaryKey)}.` });
    } else if (!sameSet(primary.columns, table.primaryKey)) {
      out.push({ severity: 'error', table: t, kind: 'primary-key', expected: list(table.primaryKey), actual: list(primary.columns), message: `Table ${t} has primary key ${list(primary.columns)}, expected ${list(table.primaryKey)}.` });
    }
  }

  for (const want of table.uniques) {
    if (!uniques.some((u) => sameSet(u.columns, want))) {
      out.push({ severity: 'error', table: t, column: want.length === 1 ? want[0] : undefined, kind: 'missing-unique', expected: list(want), message: `${t}${list(want)} is not unique; Aurora Desk relies on it.` });
    }
  }

  const foreignKeys = constraints.filter((c) => c.kind === 'f');
  const matched = new Set<LiveConstraint>();
  for (const want of table.foreignKeys) {
    const target = `${want.foreignTable}${list(want.foreignColumns)}`;
    const sameColumns = foreignKeys.filter((fk) => sameSet(fk.columns, want.columns));
    const exact = sameColumns.find((fk) => fk.foreign_table === want.foreignTable && sameSet(fk.foreign_columns ?? [], want.foreignColumns));
    const column = want.columns.length === 1 ? want.columns[0] : undefined;
    if (!exact) {
      const other = sameColumns[0];
      if (other) matched.add(other);
      out.push({
        severity: 'error',
        table: t,
        column,
        kind: other ? 'foreign-key' : 'missing-foreign-key',
        expected: `${list(want.columns)} -> ${target}`,
        actual: other ? `${list(other.columns)} -> ${other.foreign_table}${list(other.foreign_columns ?? [])}` : undefined,
        message: other
          ? `Foreign key ${t}${list(want.columns)} points at ${other.foreign_table}, expected ${target}.`
          : `Foreign key ${t}${list(want.columns)} -> ${target} is missing.`,
      });
      continue;
    }
    matched.add(exact);
    const onDelete = ON_DELETE[exact.on_delete] ?? exact.on_delete;
    if (onDelete !== want.onDelete) {
      out.push({ severity: 'warning', table: t, column, kind: 'foreign-key-action', expected: `ON DELETE ${want.onDelete}`, actual: `ON DELETE ${onDelete}`, message: `Foreign key ${t}${list(want.columns)} -> ${target} is ON DELETE ${onDelete}, expected ${want.onDelete}.` });
    }
  }
  for (const fk of foreignKeys) {
    if (!matched.has(fk)) {
      out.push({ severity: 'info', table: t, kind: 'extra-foreign-key', actual: fk.definition, message: `Extra foreign key ${fk.name} on ${t}: ${fk.definition}.` });
    }
  }

  const checks = constraints.filter((c) => c.kind === 'c');
  const matchedChecks = new Set<LiveConstraint>();
  for (const want of table.checks) {
    const same = checks.find((c) => normaliseExpression(c.definition) === want.expression);
    if (same) {
      matchedChecks.add(same);
      continue;
    }
    const named = checks.find((c) => c.name === want.name);
    if (named) matchedChecks.add(named);
    out.push({
      severity: 'error',
      table: t,
      kind: named ? 'check' : 'missing-check',
      expected: want.expression,
      actual: named?.definition,
      message: named
        ? `Check ${want.name} on ${t} reads ${named.definition}, expected ${want.expression}.`
        : `Check (${want.expression}) on ${t} is missing.`,
    });
  }
  for (const c of checks) {
    if (!matchedChecks.has(c)) out.push({ severity: 'info', table: t, kind: 'extra-check', actual: c.definition, message: `Extra check ${c.name} on ${t}: ${c.definition}.` });
  }
}
