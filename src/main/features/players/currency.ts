/**
 * Staff grants and takes of coins. Each is ONE transaction: the balance change and its
 * `transactions` row commit together or not at all.
 *
 * No lost update and no negative balance without an explicit lock: both are a single
 * `UPDATE … RETURNING` whose arithmetic runs on the locked row, and a take carries its guard in
 * the WHERE (`balance >= amount`), which PostgreSQL re-checks after waiting for a concurrent
 * writer. Amounts in `transactions` are signed: a grant +N, a take -N.
 *
 * The bot's balance column may hold NULL (no balance recorded): a grant starts it from 0
 * (COALESCE) and says so (`balanceBefore: null`); a take is refused, there being nothing to take.
 */
import { and, eq, gte, sql } from 'drizzle-orm';
import { STAFF_LEDGER_TYPES, type CurrencyAction, type CurrencyActionResult, type TakeCurrencyAction } from '@shared/domain/players.js';
import type { StaffWrite } from '../../core/audit.js';
import { transactions, users } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import { isOutOfRange } from '../../core/driver-errors.js';
import { describeStaffAction, formatAmount, resolveStaffLedgerParty } from './staff-party.js';

const int8 = (value: bigint) => sql`${value.toString()}::bigint`;

export async function grantCurrency(write: StaffWrite, input: CurrencyAction): Promise<CurrencyActionResult> {
  const { actor } = write;
  try {
    return await write.transaction(async (tx) => {
      const relatedUserId = await resolveStaffLedgerParty(tx, actor);
      // Read under the row lock the update takes anyway, so a NULL balance is known for what it was.
      const [before] = await tx.select({ balance: users.balance }).from(users).where(eq(users.id, input.playerId)).for('update');
      if (!before) throw ERRORS.notFound(`Player ${input.playerId}`);
      const [player] = await tx
        .update(users)
        .set({ balance: sql`coalesce(${users.balance}, 0) + ${int8(input.amount)}`, updatedAt: sql`now()` })
        .where(eq(users.id, input.playerId))
        .returning({ balance: users.balance });
      if (!player) throw ERRORS.notFound(`Player ${input.playerId}`);
      const [ledger] = await tx
        .insert(transactions)
        .values({
          userId: input.playerId,
          relatedUserId,
          amount: input.amount,
          type: STAFF_LEDGER_TYPES.grant,
          description: describeStaffAction('Granted', actor, input.reason),
        })
        .returning({ id: transactions.id });
      return { balanceBefore: before.balance === null ? null : player.balance - input.amount, balance: player.balance, transactionId: ledger!.id, relatedUserId };
    });
  } catch (error) {
    // The sum left the int8 range.
    if (isOutOfRange(error)) {
      throw ERRORS.badRequest('That grant would take the balance past the largest amount the database can hold.', {
        amount: ['Too large for this balance'],
      });
    }
    throw error;
  }
}

export async function takeCurrency(write: StaffWrite, input: TakeCurrencyAction): Promise<CurrencyActionResult> {
  const { actor } = write;
  return write.transaction(async (tx) => {
    const relatedUserId = await resolveStaffLedgerParty(tx, actor);
    const [player] = await tx
      .update(users)
      .set({ balance: sql`${users.balance} - ${int8(input.amount)}`, updatedAt: sql`now()` })
      .where(and(eq(users.id, input.playerId), input.wholeBalance ? eq(users.balance, input.amount) : gte(users.balance, input.amount)))
      .returning({ balance: users.balance });
    if (!player) {
      const [current] = await tx
        .select({ balance: users.balance, username: users.username })
        .from(users)
        .where(eq(users.id, input.playerId));
      if (!current) throw ERRORS.notFound(`Player ${input.playerId}`);
      const who = current.username ?? `Player ${input.playerId}`;
      if (current.balance === null) {
        throw ERRORS.badRequest(`${who} has no balance recorded (it is NULL in the database): there is nothing to take. A grant starts it from 0.`, {
          amount: ['No balance recorded'],
        });
      }
      if (input.wholeBalance) {
        throw ERRORS.badRequest(
          `${who}'s balance changed since the review: it is ${formatAmount(current.balance)} now, not ${formatAmount(input.amount)}. Nothing was taken; review again to take all of it.`,
          { amount: [`The balance is ${formatAmount(current.balance)} now`] },
        );
      }
      throw ERRORS.badRequest(
        `${who} has ${formatAmount(current.balance)} coins: cannot take ${formatAmount(input.amount)}. A balance never goes below zero.`,
        { amount: [`At most ${formatAmount(current.balance)} (the current balance)`] },
      );
    }
    const [ledger] = await tx
      .insert(transactions)
      .values({
        userId: input.playerId,
        relatedUserId,
        amount: -input.amount,
        type: STAFF_LEDGER_TYPES.take,
        description: describeStaffAction('Taken', actor, input.reason),
      })
      .returning({ id: transactions.id });
    return { balanceBefore: player.balance + input.amount, balance: player.balance, transactionId: ledger!.id, relatedUserId };
  });
}
