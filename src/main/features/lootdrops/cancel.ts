/**
 * Cancelling an unclaimed drop: expires_at = now, in one conditional UPDATE (… AND claimed_by IS
 * NULL), so a claim the bot records at the same moment wins and the cancel is refused, naming
 * the claimer. Then the Discord message is edited to say so (or deleted, when asked); the row
 * lock is never held across the call to Discord.
 */
import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { CancelLootdropInput, CancelLootdropResult } from '@shared/domain/lootdrops.js';
import type { StaffWrite } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import type { AuroraDatabase } from '../../core/database.js';
import { deleteChannelMessage, describeDiscordError, editChannelMessage, type DiscordTarget } from '../../core/discord/index.js';
import { isDeskMissing } from '../../core/driver-errors.js';
import { ERRORS } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { lootdropCancels, lootdropSpawns } from '../../db/desk/tables.js';
import { lootdrops } from '../../db/schema.js';
import { closedLootdropMessage } from './message.js';
import { readDrop } from './rows.js';
import { momentText } from '@shared/moment-text.js';

export interface CancelDeps {
  /** null: Discord is not configured; the drop is still cancelled in the database. */
  discord: DiscordTarget | null;
  clock: Clock;
  log: Logger;
}

type MessageOutcome = CancelLootdropResult['message'];

export async function cancelLootdrop(write: StaffWrite, input: CancelLootdropInput, deps: CancelDeps): Promise<CancelLootdropResult> {
  const { database, actor } = write;
  const now = deps.clock.now();
  const cancelled = await write.transaction(async (tx) => {
    const [row] = await tx
      .update(lootdrops)
      .set({ expiresAt: now })
      .where(and(eq(lootdrops.messageId, input.messageId), isNull(lootdrops.claimedBy), or(isNull(lootdrops.expiresAt), gt(lootdrops.expiresAt, now))))
      .returning();
    if (!row) return null;
    await tx
      .transaction(async (savepoint) => {
        await savepoint
          .insert(lootdropCancels)
          .values({ messageId: row.messageId, cancelledById: actor.id, cancelledByName: actor.name, cancelledAt: now, messageAction: 'pending' })
          .onConflictDoUpdate({
            target: lootdropCancels.messageId,
            set: { cancelledById: actor.id, cancelledByName: actor.name, cancelledAt: now, messageAction: 'pending', detail: null },
          });
      })
      .catch((error: unknown) => {
        if (!isDeskMissing(error)) throw error;
      });
    return row;
  });
  if (!cancelled) throw await refusal(database, input.messageId, now);

  const message = await withdrawMessage(database, cancelled, input.deleteMessage, now, deps);
  await noteMessageOutcome(database, input.messageId, message, now);
  const drop = await readDrop(database, input.messageId, deps.clock.now());
  if (!drop) throw ERRORS.notFound(`The drop ${input.messageId}`);
  return { drop, message };
}

/** Why nothing was cancelled: gone, claimed (by whom), or over already. */
async function refusal(database: AuroraDatabase, messageId: string, now: Date) {
  const drop = await readDrop(database, messageId, now);
  if (!drop) return ERRORS.notFound(`The drop ${messageId}`);
  if (drop.claimedBy !== null) {
    const who = drop.claimerName ? `${drop.claimerName} (${drop.claimedBy})` : String(drop.claimedBy);
    return ERRORS.conflict(`This drop was already claimed by ${who}${drop.claimedAt ? ` at ${momentText(drop.claimedAt)}` : ''}; a claimed drop cannot be cancelled.`, {
      changedBy: who,
      changedAt: drop.claimedAt?.toISOString(),
      current: { status: 'claimed', claimedBy: String(drop.claimedBy) },
    });
  }
  if (drop.cancelled) {
    return ERRORS.conflict(`${drop.cancelled.by.name} already cancelled this drop at ${momentText(drop.cancelled.at)}.`, {
      changedBy: drop.cancelled.by.name,
      changedAt: drop.cancelled.at.toISOString(),
      current: { status: 'cancelled' },
    });
  }
  return ERRORS.conflict(`This drop already expired at ${drop.expiresAt ? momentText(drop.expiresAt) : 'an earlier time'}; there is nothing to cancel.`, {
    changedAt: drop.expiresAt?.toISOString(),
    current: { status: 'expired' },
  });
}

async function withdrawMessage(
  database: AuroraDatabase,
  drop: typeof lootdrops.$inferSelect,
  deleteMessage: boolean,
  now: Date,
  deps: CancelDeps,
): Promise<MessageOutcome> {
  if (!deps.discord) return { action: 'none', detail: 'Discord is not configured: the message on Discord still shows its claim button.' };
  const { client } = deps.discord;
  try {
    if (deleteMessage) {
      await deleteChannelMessage(client, drop.channelId, drop.messageId, 'Lootdrop cancelled in Aurora Desk');
      return { action: 'deleted', detail: null };
    }
    const customId = await spawnedCustomId(database, drop.messageId);
    await editChannelMessage(
      client,
      drop.channelId,
      drop.messageId,
      closedLootdropMessage({ amount: drop.rewardAmount, currency: drop.currency, at: now, customId }, 'cancelled'),
    );
    return { action: 'edited', detail: null };
  } catch (error) {
    const discord = describeDiscordError(error);
    if (discord.kind === 'unknown-message') return { action: 'none', detail: 'The message was already gone from Discord.' };
    deps.log.warn('the message of a cancelled lootdrop could not be changed', { messageId: drop.messageId, error: discord.message });
    return { action: 'failed', detail: `The drop is cancelled, but its Discord message could not be ${deleteMessage ? 'deleted' : 'edited'}: ${discord.message}` };
  }
}

async function spawnedCustomId(database: AuroraDatabase, messageId: string): Promise<string | null> {
  try {
    const [row] = await database.db.select({ customId: lootdropSpawns.customId }).from(lootdropSpawns).where(eq(lootdropSpawns.messageId, messageId));
    return row?.customId ?? null;
  } catch {
    return null;
  }
}

/** Best effort: the cancel has happened; this only remembers what became of the message. */
async function noteMessageOutcome(database: AuroraDatabase, messageId: string, outcome: MessageOutcome, now: Date): Promise<void> {
  try {
    await database.db.update(lootdropCancels).set({ messageAction: outcome.action, detail: outcome.detail }).where(eq(lootdropCancels.messageId, messageId));
    if (outcome.action === 'edited' || outcome.action === 'deleted') {
      await database.db
        .update(lootdropSpawns)
        .set({ messageState: outcome.action === 'deleted' ? 'deleted' : 'cancelled', messageStateAt: now })
        .where(eq(lootdropSpawns.messageId, messageId));
    }
  } catch {
    // No aurora_desk: nothing to note.
  }
}
