/**
 * Recording a drop whose message Discord accepted: its lifetime starts then (not when staff
 * pressed Spawn: a wait for Discord's rate limit must not eat it), so the message is edited when
 * its expiry moved or its claim button needs the message ID; then the bot's row, the desk's
 * record and the post outbox row are written in one audited transaction. Recording fails: the
 * message is deleted again (or staff are told to delete it by hand).
 */
import type { LootdropView } from '@shared/domain/lootdrops.js';
import type { StaffWrite } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import { deleteChannelMessage, describeDiscordError, deskErrorFromDiscord, editChannelMessage, type DiscordTarget } from '../../core/discord/index.js';
import { readPost, updatePost } from '../../core/discord/post-outbox.js';
import { driverErrorCode, isDeskMissing, SQLSTATE } from '../../core/driver-errors.js';
import { DeskError, ERRORS } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { lootdropSpawns } from '../../db/desk/tables.js';
import { lootdrops } from '../../db/schema.js';
import { claimButtonId, lootdropButtonEdit, type LootdropMessageContent } from './message.js';
import type { DropDetails, PostedDrop } from './post-drop.js';
import { readDrop } from './rows.js';

export interface RecordDeps {
  discord: DiscordTarget;
  clock: Clock;
  log: Logger;
}

export interface AcceptedDrop extends PostedDrop {
  channelId: string;
  idempotencyKey: string;
  details: DropDetails;
  /** The expiry the posted message shows. */
  postedExpiresAt: Date;
  /** The claim button format, for a button that names the message ID. */
  format: string;
}

const unix = (at: Date) => Math.floor(at.getTime() / 1000);
/** A message whose expiry is off by less than this keeps it (and the drop follows the message). */
const EXPIRY_SLACK_MS = 2_000;

export async function recordAcceptedDrop(write: StaffWrite, drop: AcceptedDrop, deps: RecordDeps): Promise<LootdropView> {
  const { details, messageId, channelId } = drop;
  const lifetimeMs = details.lifetimeSeconds * 1000;
  const shifted = drop.acceptedAt.getTime() + lifetimeMs - drop.postedExpiresAt.getTime() >= EXPIRY_SLACK_MS;
  const expiresAt = shifted ? new Date(drop.acceptedAt.getTime() + lifetimeMs) : drop.postedExpiresAt;
  const createdAt = new Date(expiresAt.getTime() - lifetimeMs);
  const content: LootdropMessageContent = { amount: details.amount, currency: details.currency, expiresAt, customId: details.customId };
  if (details.laterButton) content.customId = claimButtonId(drop.format, { channelId, amount: details.amount, currency: details.currency, messageId });
  if (details.laterButton || (shifted && unix(expiresAt) !== unix(drop.postedExpiresAt))) {
    try {
      await editChannelMessage(deps.discord.client, channelId, messageId, lootdropButtonEdit(content));
    } catch (error) {
      await undo(write, drop, deps, 'its message could not be completed');
      throw deskErrorFromDiscord(error, 'The drop was not posted (its message could not be completed, so it was deleted again)');
    }
  }
  try {
    await write.transaction(async (tx) => {
      await tx.insert(lootdrops).values({ messageId, channelId, rewardAmount: details.amount, currency: details.currency, claimedBy: null, createdAt, expiresAt });
      try {
        await tx.transaction(async (savepoint) => {
          await savepoint.insert(lootdropSpawns).values({
            messageId,
            idempotencyKey: drop.idempotencyKey,
            channelId,
            rewardAmount: details.amount,
            currency: details.currency,
            customId: content.customId,
            spawnedById: write.actor.id,
            spawnedByName: write.actor.name,
            spawnedAt: createdAt,
            burstId: details.burstId === null ? null : BigInt(details.burstId),
            burstSeq: details.burstSeq,
          });
        });
      } catch (error) {
        // Without aurora_desk (a role that may not create it) the drop stands on its own;
        // a repeated key or burst slot, though, must undo the drop.
        if (details.burstId !== null || !isDeskMissing(error)) throw error;
        deps.log.warn('lootdrop spawned without its aurora_desk record', { messageId, error: String(error) });
      }
      if (drop.nonce !== null) await updatePost(tx, drop.nonce, { state: 'posted', messageId, acceptedAt: createdAt, detail: null });
    });
  } catch (error) {
    const undone = await undo(write, drop, deps, 'the database did not record it');
    throw Object.assign(recordFailure(error, messageId, channelId, undone), { recordError: error });
  }
  const view = await readDrop(write.database, messageId, deps.clock.now());
  if (!view) throw ERRORS.notFound(`The drop ${messageId}`);
  return view;
}

/** Deletes a message nobody recorded and closes its outbox row. Returns null when it is gone, else why it is not. */
async function undo(write: StaffWrite, drop: AcceptedDrop, deps: RecordDeps, why: string): Promise<string | null> {
  // Recorded meanwhile under this post (another desk learned of the same message): it stays.
  if (drop.nonce !== null && (await readPost(write.database.db, drop.nonce).catch(() => null))?.state === 'posted') return null;
  let failure: string | null = null;
  try {
    await deleteChannelMessage(deps.discord.client, drop.channelId, drop.messageId, `Aurora Desk: ${why}`);
  } catch (error) {
    failure = describeDiscordError(error).message;
    deps.log.error('a lootdrop message could not be deleted after its record failed', { channelId: drop.channelId, messageId: drop.messageId, error: failure });
  }
  if (drop.nonce !== null) {
    const detail = failure === null ? `Not recorded (${why}); the message was deleted again.` : `Not recorded (${why}); deleting the message failed: ${failure}`;
    await updatePost(write.database.db, drop.nonce, { state: 'failed', messageId: drop.messageId, detail }).catch(() => undefined);
  }
  return failure;
}

function recordFailure(error: unknown, messageId: string, channelId: string, undone: string | null): DeskError {
  const code = driverErrorCode(error);
  const why =
    code === SQLSTATE.uniqueViolation
      ? `a drop with message ID ${messageId} is already recorded`
      : code === SQLSTATE.insufficientPrivilege
        ? 'this database role may not write lootdrops'
        : error instanceof DeskError
          ? error.message
          : 'the database did not accept it';
  const message =
    undone === null
      ? `The drop could not be recorded (${why}); its Discord message was deleted again, so nothing is live.`
      : `The drop could not be recorded (${why}), and deleting its Discord message failed too (${undone}). Delete message ${messageId} in channel ${channelId} by hand.`;
  return code === SQLSTATE.insufficientPrivilege ? ERRORS.readOnly(message) : ERRORS.unavailable(message);
}
