/**
 * Row versions and who made them, for quests and items alike. A version is a hash of the row
 * exactly as stored (jsonb as PostgreSQL prints it), so any change, by a desktop, the bot or a
 * script, gives a new one. Saves record the version they produced; a CONFLICT looks the current
 * version up to say who changed the row and when.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { StaffIdentity } from '@shared/identity.js';
import { changeTexts, mergeColumns, type ColumnTexts, type FieldConflict } from '@shared/domain/row-merge.js';
import { authoringRevisions } from '../../db/desk/tables.js';
import type { AuroraDb } from '../../core/database.js';
import { DeskError, ERRORS } from '../../core/errors.js';

export type AuthoredEntity = 'quest' | 'item';

/** The version of a row: any difference in any stored column changes it. */
export function rowVersion(parts: readonly (string | number | null)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/**
 * Remembers that `actor` produced `version`. Runs in a savepoint of the caller's transaction: a
 * database without aurora_desk (a role that may not create it) loses only the attribution.
 */
export async function recordRevision(
  tx: AuroraDb,
  actor: StaffIdentity,
  entity: AuthoredEntity,
  entityId: number,
  version: string,
  action: string,
): Promise<void> {
  await tx
    .transaction(async (savepoint) => {
      await savepoint.insert(authoringRevisions).values({ entity, entityId, version, action, actorId: actor.id, actorName: actor.name });
    })
    .catch(() => undefined);
}

export interface RevisionAuthor {
  actorName: string;
  actorId: bigint;
  at: Date;
}

/** Who saved `version` of the row, or null when no desktop did (the bot, a script, or no audit table). */
export async function findRevisionAuthor(db: AuroraDb, entity: AuthoredEntity, entityId: number, version: string): Promise<RevisionAuthor | null> {
  try {
    const [row] = await db
      .select({ actorName: authoringRevisions.actorName, actorId: authoringRevisions.actorId, at: authoringRevisions.at })
      .from(authoringRevisions)
      .where(and(eq(authoringRevisions.entity, entity), eq(authoringRevisions.entityId, entityId), eq(authoringRevisions.version, version)))
      .orderBy(desc(authoringRevisions.id))
      .limit(1);
    return row ?? null;
  } catch {
    return null;
  }
}

/** The CONFLICT answer: who changed the row and when, with the current row to show beside yours. */
export async function conflictError(
  db: AuroraDb,
  entity: AuthoredEntity,
  current: { id: number; name: string; version: string },
  currentRow: unknown,
  fields?: FieldConflict[],
): Promise<DeskError> {
  const author = await findRevisionAuthor(db, entity, current.id, current.version);
  const what = `${entity === 'quest' ? 'The quest' : 'The item'} “${current.name}”`;
  const both = fields?.length ? ` You both changed ${fields.map((f) => f.field).join(', ')}: choose theirs, yours or the original for each, then save again.` : ' Compare both versions, then save again.';
  const message = author
    ? `${what} was changed by ${author.actorName} at ${author.at.toISOString().slice(0, 16).replace('T', ' ')} UTC since you opened it.${both}`
    : `${what} was changed outside Aurora Desk (by the bot or another tool) since you opened it.${both}`;
  return ERRORS.conflict(message, {
    changedBy: author ? author.actorName : 'outside Aurora Desk',
    changedAt: author?.at.toISOString(),
    current: currentRow,
    ...(fields?.length ? { fields } : {}),
  });
}

/** jsonb text bound as a parameter and cast: the exact text the game master sent reaches the column. */
export function jsonbText(text: string) {
  return sql`${text}::jsonb`;
}

/**
 * An edit saved against an older version: its changes merged by field into the row as it is now.
 * Answers the changes to write (columns that end up as they are now are left out; a merged jsonb
 * column travels as raw text, keeping the edit's allowForeign) or the fields both sides changed.
 * Without originals there is nothing to merge from: every difference is a conflict.
 */
export function rebaseEdit<Changes extends Record<string, unknown>>(
  changes: Changes,
  originals: Partial<Record<string, string | null>> | undefined,
  current: ColumnTexts,
  jsonColumns: readonly string[],
): { changes: Changes; conflicts: null } | { changes: null; conflicts: FieldConflict[] } {
  const mine = changeTexts(changes);
  const edited = Object.keys(mine);
  if (!originals || edited.some((column) => !(column in originals))) return { changes: null, conflicts: [] };
  const original = Object.fromEntries(edited.map((column) => [column, originals[column] ?? null]));
  const { merged, conflicts } = mergeColumns({ original, theirs: current, mine, jsonColumns });
  if (conflicts.length) return { changes: null, conflicts };
  const next: Record<string, unknown> = {};
  for (const column of edited) {
    const value = merged[column] ?? null;
    if (value === (current[column] ?? null)) continue;
    if (!jsonColumns.includes(column)) next[column] = value;
    else if (value === mine[column]) next[column] = changes[column];
    else {
      const edit = changes[column] as { kind: string; allowForeign?: boolean };
      next[column] = { kind: 'raw', json: value, allowForeign: edit.kind === 'raw' ? Boolean(edit.allowForeign) : false };
    }
  }
  return { changes: next as Changes, conflicts: null };
}
