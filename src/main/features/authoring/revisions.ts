/**
 * Row versions and who made them, for quests and items alike. A version is a hash of the row
 * exactly as stored (jsonb as PostgreSQL prints it), so any change, by a desktop, the bot or a
 * script, gives a new one. Saves record the version they produced; a CONFLICT looks the current
 * version up to say who changed the row and when.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { StaffIdentity } from '@shared/identity.js';
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
): Promise<DeskError> {
  const author = await findRevisionAuthor(db, entity, current.id, current.version);
  const what = `${entity === 'quest' ? 'The quest' : 'The item'} “${current.name}”`;
  const message = author
    ? `${what} was changed by ${author.actorName} at ${author.at.toISOString().slice(0, 16).replace('T', ' ')} UTC since you opened it. Compare both versions, then save again.`
    : `${what} was changed outside Aurora Desk (by the bot or another tool) since you opened it. Compare both versions, then save again.`;
  return ERRORS.conflict(message, {
    changedBy: author ? author.actorName : 'outside Aurora Desk',
    changedAt: author?.at.toISOString(),
    current: currentRow,
  });
}

/** jsonb text bound as a parameter and cast: the exact text the game master sent reaches the column. */
export function jsonbText(text: string) {
  return sql`${text}::jsonb`;
}
