/**
 * Staff changes to a player's account: clear a timer, set the active flag, change class.
 * The bot has no ledger for these; the reason is kept by the audit log (writeProcedure).
 * Any change to the `users` row sets updated_at = now(), as the bot does.
 */
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { ChangeClass, ClearTimer, SetActive } from '@shared/domain/players.js';
import { auditLog } from '../../db/desk/tables.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraDb } from '../../core/database.js';
import { classes, userTimers, users } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';

export async function clearTimer(write: StaffWrite, input: ClearTimer): Promise<{ cleared: true; expiresAt: Date }> {
  const [removed] = await write.transaction((tx) =>
    tx
      .delete(userTimers)
      .where(and(eq(userTimers.userId, input.playerId), eq(userTimers.type, input.type), eq(userTimers.key, input.key)))
      .returning({ expiresAt: userTimers.expiresAt }),
  );
  if (!removed) throw ERRORS.notFound(`Timer ${input.type}/${input.key} of player ${input.playerId}`);
  return { cleared: true, expiresAt: removed.expiresAt };
}

export async function setPlayerActive(
  write: StaffWrite,
  input: SetActive,
): Promise<{ active: boolean; changed: boolean; updatedAt: Date }> {
  const [changed] = await write.transaction((tx) =>
    tx
      .update(users)
      .set({ isActive: input.active, updatedAt: sql`now()` })
      .where(and(eq(users.id, input.playerId), ne(users.isActive, input.active)))
      .returning({ updatedAt: users.updatedAt }),
  );
  if (changed) return { active: input.active, changed: true, updatedAt: changed.updatedAt };
  // Already as asked (another desk got there first): nothing to do, and nothing to refuse.
  const [current] = await write.database.db.select({ updatedAt: users.updatedAt }).from(users).where(eq(users.id, input.playerId));
  if (!current) throw ERRORS.notFound(`Player ${input.playerId}`);
  return { active: input.active, changed: false, updatedAt: current.updatedAt };
}

interface ClassSnapshot {
  classId: bigint | null;
  className: string | null;
  updatedAt: Date;
}

export async function changePlayerClass(
  write: StaffWrite,
  input: ChangeClass,
): Promise<{ classId: bigint | null; changed: boolean }> {
  const db = write.database.db;
  const outcome = await write.transaction(async (tx) => {
    const [player] = await tx
      .select({ classId: users.classId, updatedAt: users.updatedAt, username: users.username })
      .from(users)
      .where(eq(users.id, input.playerId))
      .for('update');
    if (!player) throw ERRORS.notFound(`Player ${input.playerId}`);
    if (input.classId !== null) {
      const [target] = await tx.select({ id: classes.id }).from(classes).where(eq(classes.id, input.classId));
      if (!target) throw ERRORS.notFound(`Class ${input.classId}`);
    }
    if (player.classId === input.classId) return { kind: 'unchanged' as const };
    if (input.expectedClassId !== undefined && player.classId !== input.expectedClassId) {
      const [current] = player.classId === null ? [] : await tx.select({ name: classes.name }).from(classes).where(eq(classes.id, player.classId));
      return {
        kind: 'conflict' as const,
        username: player.username,
        seen: { classId: player.classId, className: current?.name ?? null, updatedAt: player.updatedAt } satisfies ClassSnapshot,
      };
    }
    await tx.update(users).set({ classId: input.classId, updatedAt: sql`now()` }).where(eq(users.id, input.playerId));
    return { kind: 'changed' as const };
  });
  if (outcome.kind === 'conflict') {
    const staff = await findLastStaffChange(db, input.playerId, 'players.changeClass', {
      classId: outcome.seen.classId === null ? null : outcome.seen.classId.toString(),
    });
    // The audit row is written after its change commits: a staff member set what is there now
    // only if nothing touched the row after them.
    const by = staff && staff.at >= outcome.seen.updatedAt ? staff : null;
    const who = by ? `by ${by.actorName}` : 'outside Aurora Desk (by the bot or a database user)';
    throw ERRORS.conflict(
      `${outcome.username}'s class changed since you looked: it is now ${outcome.seen.className ?? 'no class'}, changed ${who}. Review it and try again.`,
      { changedBy: by?.actorName ?? 'outside Aurora Desk', changedAt: (by?.at ?? outcome.seen.updatedAt).toISOString(), current: outcome.seen },
    );
  }
  return { classId: input.classId, changed: outcome.kind === 'changed' };
}

/**
 * The last successful staff action of this kind on this player that set what is there now, from
 * Aurora Desk's audit log (inputs are stored with IDs as strings). Fails soft: a role without
 * the aurora_desk schema simply gets no name.
 */
export async function findLastStaffChange(
  db: AuroraDb,
  playerId: bigint,
  procedure: string,
  inputMatches: Record<string, string | null> = {},
): Promise<{ actorName: string; at: Date } | null> {
  const matches = Object.entries(inputMatches).map(([key, value]) =>
    value === null ? sql`${auditLog.input}->>${key} IS NULL` : sql`${auditLog.input}->>${key} = ${value}`,
  );
  try {
    const [row] = await db
      .select({ actorName: auditLog.actorName, at: auditLog.at })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.procedure, procedure),
          eq(auditLog.outcome, 'ok'),
          sql`${auditLog.input}->>'playerId' = ${playerId.toString()}`,
          ...matches,
        ),
      )
      .orderBy(desc(auditLog.id))
      .limit(1);
    // Player changes always name their actor (they need an identity); a row without one is not such a change.
    return row?.actorName ? { actorName: row.actorName, at: row.at } : null;
  } catch {
    return null;
  }
}
