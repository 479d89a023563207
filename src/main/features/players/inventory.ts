/**
 * Staff grants and removals of items. Each is ONE transaction: the inventory change and its
 * `item_transactions` row (+N for a grant, -N for a removal) commit together.
 *
 * The inventory never holds a zero or negative quantity (the bot's CHECK says so too): a
 * removal that empties a stack deletes the row, and one that would go below zero is refused
 * with what the player holds. The row is locked (FOR UPDATE) before deciding, so two staff
 * removing at once cannot both pass the check.
 *
 * The bot's quantity column may hold NULL (no quantity recorded): a grant starts the stack from 0
 * (COALESCE) and says so (`quantityBefore: null`); a removal is refused, there being nothing to count from.
 */
import { and, eq, sql } from 'drizzle-orm';
import { STAFF_LEDGER_TYPES, type ItemAction, type ItemActionResult } from '@shared/domain/players.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraDatabase, AuroraTx } from '../../core/database.js';
import { isOutOfRange } from '../../core/driver-errors.js';
import { ERRORS } from '../../core/errors.js';
import { inventory, itemTransactions, items, users } from '../../db/schema.js';
import { likePattern } from '../../core/sql.js';
import { describeStaffAction, formatAmount, resolveStaffLedgerParty } from './staff-party.js';

async function findParties(tx: AuroraTx, input: ItemAction): Promise<{ username: string; itemName: string }> {
  const [player] = await tx.select({ username: users.username }).from(users).where(eq(users.id, input.playerId));
  if (!player) throw ERRORS.notFound(`Player ${input.playerId}`);
  const [item] = await tx.select({ name: items.name }).from(items).where(eq(items.id, input.itemId));
  if (!item) throw ERRORS.notFound(`Item #${input.itemId}`);
  return { username: player.username ?? `Player ${input.playerId}`, itemName: item.name ?? `item #${input.itemId}` };
}

export async function grantItem(write: StaffWrite, input: ItemAction): Promise<ItemActionResult> {
  const { actor } = write;
  try {
    return await write.transaction(async (tx) => {
      await findParties(tx, input);
      const relatedUserId = await resolveStaffLedgerParty(tx, actor);
      const stack = and(eq(inventory.userId, input.playerId), eq(inventory.itemId, input.itemId));
      const [previous] = await tx.select({ quantity: inventory.quantity }).from(inventory).where(stack).for('update');
      const [held] = await tx
        .insert(inventory)
        .values({ userId: input.playerId, itemId: input.itemId, quantity: input.quantity })
        .onConflictDoUpdate({
          target: [inventory.userId, inventory.itemId],
          set: { quantity: sql`coalesce(${inventory.quantity}, 0) + excluded.quantity` },
        })
        .returning({ quantity: inventory.quantity });
      const ledgerId = await recordItemMovement(tx, actor, input, relatedUserId, 'grant');
      const unrecorded = previous !== undefined && previous.quantity === null;
      return { quantityBefore: unrecorded ? null : held!.quantity - input.quantity, quantity: held!.quantity, itemTransactionId: ledgerId, relatedUserId };
    });
  } catch (error) {
    if (isOutOfRange(error)) {
      throw ERRORS.badRequest('That grant would take the stack past the largest quantity the database can hold.', {
        quantity: ['Too large for this stack'],
      });
    }
    throw error;
  }
}

export async function removeItem(write: StaffWrite, input: ItemAction): Promise<ItemActionResult> {
  const { actor } = write;
  return write.transaction(async (tx) => {
    const { username, itemName } = await findParties(tx, input);
    const relatedUserId = await resolveStaffLedgerParty(tx, actor);
    const stack = and(eq(inventory.userId, input.playerId), eq(inventory.itemId, input.itemId));
    const [held] = await tx.select({ quantity: inventory.quantity }).from(inventory).where(stack).for('update');
    if (held && held.quantity === null) {
      throw ERRORS.badRequest(`${username} holds ${itemName} with no quantity recorded (it is NULL in the database): there is nothing to count a removal from.`, {
        quantity: ['No quantity recorded'],
      });
    }
    const before = held?.quantity ?? 0n;
    if (before < input.quantity) {
      throw ERRORS.badRequest(
        `${username} holds ${formatAmount(before)} × ${itemName}: cannot remove ${formatAmount(input.quantity)}.`,
        { quantity: [`At most ${formatAmount(before)} (what the player holds)`] },
      );
    }
    const after = before - input.quantity;
    if (after === 0n) await tx.delete(inventory).where(stack);
    else await tx.update(inventory).set({ quantity: after }).where(stack);
    const ledgerId = await recordItemMovement(tx, actor, input, relatedUserId, 'take');
    return { quantityBefore: before, quantity: after, itemTransactionId: ledgerId, relatedUserId };
  });
}

/** The `item_transactions` row of a staff grant (+N) or take (-N), naming the staff member and the reason. */
async function recordItemMovement(tx: AuroraTx, actor: StaffIdentity, input: ItemAction, relatedUserId: bigint | null, kind: 'grant' | 'take'): Promise<bigint> {
  const [ledger] = await tx
    .insert(itemTransactions)
    .values({
      userId: input.playerId,
      relatedUserId,
      itemId: input.itemId,
      quantity: kind === 'grant' ? input.quantity : -input.quantity,
      type: STAFF_LEDGER_TYPES[kind],
      description: describeStaffAction(kind === 'grant' ? 'Granted' : 'Removed', actor, input.reason),
    })
    .returning({ id: itemTransactions.id });
  return ledger!.id;
}

/** The item picker of the grant dialog: by name fragment or exact item number. */
export async function listGrantableItems(
  database: AuroraDatabase,
  input: { query: string; limit: number },
): Promise<{ id: number; name: string; rarity: string; type: string }[]> {
  const { db } = database;
  const query = input.query;
  const byNumber = /^#?\d{1,9}$/.test(query) ? Number(query.replace('#', '')) : null;
  const fragment = likePattern(query);
  return db
    .select({ id: items.id, name: items.name, rarity: items.rarity, type: items.type })
    .from(items)
    .where(query === '' ? undefined : byNumber !== null ? sql`${items.id} = ${byNumber} OR ${items.name} ILIKE ${fragment}` : sql`${items.name} ILIKE ${fragment}`)
    // The item with that exact number first, then by name.
    .orderBy(...(byNumber !== null ? [sql`${items.id} = ${byNumber} DESC`] : []), sql`lower(${items.name})`)
    .limit(input.limit);
}
