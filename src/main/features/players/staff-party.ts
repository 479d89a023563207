/**
 * Who the staff member is in the bot's ledgers.
 *
 * `transactions.related_user_id` and `item_transactions.related_user_id` are foreign keys to
 * `users`: the staff member can only be the related party when they are a player too. So: the
 * staff ID goes in related_user_id when that ID is a row in `users`, otherwise NULL; either way
 * the description names the staff member and their Discord ID, and carries the reason, so the
 * ledger alone always says who did it and why.
 */
import { eq } from 'drizzle-orm';
import type { StaffIdentity } from '@shared/identity.js';
import type { AuroraDb } from '../../db/open.js';
import { users } from '../../db/schema.js';

/** The handle inside `db.transaction(async (tx) => …)`. */
export type AuroraTx = Parameters<Parameters<AuroraDb['transaction']>[0]>[0];

export async function resolveStaffLedgerParty(tx: AuroraTx, actor: StaffIdentity): Promise<bigint | null> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id));
  return row ? row.id : null;
}

/** "Granted by staff Jane (1100…): compensation for the outage" */
export function describeStaffAction(verb: string, actor: StaffIdentity, reason: string): string {
  return `${verb} by staff ${actor.name} (${actor.id}): ${reason}`;
}

/** The SQLSTATE of a driver error, looking through Drizzle's wrapping. */
export function pgErrorCode(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** bigint as a formatted number for messages: "1,200". Never through a JS number. */
export function formatAmount(value: bigint): string {
  return value.toLocaleString('en-US');
}
