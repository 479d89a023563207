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
import type { AuroraTx } from '../../core/database.js';
import { users } from '../../db/schema.js';

export async function resolveStaffLedgerParty(tx: AuroraTx, actor: StaffIdentity): Promise<bigint | null> {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id));
  return row ? row.id : null;
}

/** "Granted by staff Jane (1100…): compensation for the outage" */
export function describeStaffAction(verb: string, actor: StaffIdentity, reason: string): string {
  return `${verb} by staff ${actor.name} (${actor.id}): ${reason}`;
}

/** bigint as a formatted number for messages: "1,200". Never through a JS number. */
export function formatAmount(value: bigint): string {
  return value.toLocaleString('en-US');
}
