/**
 * Spawning a drop: post the message on Discord, then record the row. The order matters: the
 * bot's primary key is the message ID, which only Discord can hand out. So:
 *  - posting fails  -> nothing is written;
 *  - recording fails -> the message is deleted again (and the answer says so, or says to delete
 *    it by hand when Discord refuses that too).
 * A double submit (same idempotency key) spawns one drop: concurrent repeats wait for the first
 * call in this process, later ones find its `aurora_desk.lootdrop_spawns` row.
 */
import { eq } from 'drizzle-orm';
import type { LootdropView, SpawnLootdropInput, SpawnLootdropResult } from '@shared/domain/lootdrops.js';
import { claimButtonNeedsMessageId } from '@shared/domain/lootdrops.js';
import type { StaffWrite } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import type { AuroraDatabase } from '../../core/database.js';
import {
  deleteChannelMessage,
  describeDiscordError,
  deskErrorFromDiscord,
  editChannelMessage,
  postChannelMessage,
  type DiscordTarget,
} from '../../core/discord/index.js';
import { driverErrorCode, isDeskMissing, isUniqueViolation, SQLSTATE } from '../../core/driver-errors.js';
import { DeskError, ERRORS } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { timedCache } from '../../core/timed-cache.js';
import { lootdropSpawns } from '../../db/desk/tables.js';
import { lootdrops } from '../../db/schema.js';
import { assertSpawnable, type LootdropConfig } from './config.js';
import { claimButtonId, lootdropButtonEdit, lootdropMessage } from './message.js';
import { hasLootdropDesk, readDrop } from './rows.js';

export interface SpawnDeps {
  discord: DiscordTarget;
  config: LootdropConfig;
  clock: Clock;
  log: Logger;
  /** Set when the drop is a slot of an event burst. */
  burst?: { id: bigint; seq: number };
}

interface Remembered {
  fingerprint: string;
  promise: Promise<SpawnLootdropResult>;
}

/** Submissions this process has seen, per database and idempotency key, for a while (the table remembers for good). */
const submissions = timedCache<AuroraDatabase, Remembered>({ ttlMs: 15 * 60_000, max: 1_000 });

/** Forgets what this process remembers (as a restart would); the aurora_desk record remains. */
export function forgetRememberedSubmissions(database: AuroraDatabase): void {
  submissions.forget(database);
}

const fingerprintOf = (input: SpawnLootdropInput) => `${input.channelId}|${input.amount}|${input.currency}|${input.lifetimeSeconds}`;

export async function spawnLootdrop(write: StaffWrite, input: SpawnLootdropInput, deps: SpawnDeps): Promise<SpawnLootdropResult> {
  const { database } = write;
  const fingerprint = fingerprintOf(input);
  const seen = submissions.get(database, input.idempotencyKey);
  if (seen) {
    if (seen.fingerprint !== fingerprint) throw ERRORS.badRequest('This form was already submitted with other values; reload the form and try again.');
    return { ...(await seen.promise), repeated: true };
  }
  const promise = spawnOnce(write, input, deps);
  submissions.set(database, input.idempotencyKey, { fingerprint, promise });
  // A failed submission wrote nothing: the same key may try again.
  promise.catch(() => submissions.delete(database, input.idempotencyKey));
  return promise;
}

async function findSpawnByKey(database: AuroraDatabase, key: string, now: Date): Promise<LootdropView | null> {
  if (!(await hasLootdropDesk(database))) return null;
  const [spawn] = await database.db.select({ messageId: lootdropSpawns.messageId }).from(lootdropSpawns).where(eq(lootdropSpawns.idempotencyKey, key));
  return spawn ? readDrop(database, spawn.messageId, now) : null;
}

async function spawnOnce(write: StaffWrite, input: SpawnLootdropInput, deps: SpawnDeps): Promise<SpawnLootdropResult> {
  const { database, actor } = write;
  const earlier = await findSpawnByKey(database, input.idempotencyKey, deps.clock.now());
  if (earlier) return { drop: earlier, repeated: true };
  assertSpawnable(deps.config, input.currency);

  const { client } = deps.discord;
  const createdAt = deps.clock.now();
  const expiresAt = new Date(createdAt.getTime() + input.lifetimeSeconds * 1000);
  const format = deps.config.claimButtonFormat;
  const laterButton = claimButtonNeedsMessageId(format);
  const content = { amount: input.amount, currency: input.currency, expiresAt, customId: claimButtonId(format, input) };

  let posted;
  try {
    posted = await postChannelMessage(client, input.channelId, lootdropMessage(content, !laterButton));
  } catch (error) {
    throw deskErrorFromDiscord(error, 'The drop was not posted');
  }
  const messageId = posted.id;
  if (laterButton) {
    content.customId = claimButtonId(format, { ...input, messageId });
    try {
      await editChannelMessage(client, input.channelId, messageId, lootdropButtonEdit(content));
    } catch (error) {
      await compensate(deps, input.channelId, messageId, 'its claim button could not be added');
      throw deskErrorFromDiscord(error, 'The drop was not posted (its claim button could not be added, so the message was deleted again)');
    }
  }

  try {
    await write.transaction(async (tx) => {
      await tx.insert(lootdrops).values({
        messageId,
        channelId: input.channelId,
        rewardAmount: input.amount,
        currency: input.currency,
        claimedBy: null,
        createdAt,
        expiresAt,
      });
      try {
        await tx.transaction(async (savepoint) => {
          await savepoint.insert(lootdropSpawns).values({
            messageId,
            idempotencyKey: input.idempotencyKey,
            channelId: input.channelId,
            rewardAmount: input.amount,
            currency: input.currency,
            customId: content.customId,
            spawnedById: actor.id,
            spawnedByName: actor.name,
            spawnedAt: createdAt,
            burstId: deps.burst?.id ?? null,
            burstSeq: deps.burst?.seq ?? null,
          });
        });
      } catch (error) {
        // Without aurora_desk (a role that may not create it) the drop stands on its own;
        // a repeated key or burst slot, though, must undo the drop.
        if (deps.burst || !isDeskMissing(error)) throw error;
        deps.log.warn('lootdrop spawned without its aurora_desk record', { messageId, error: String(error) });
      }
    });
  } catch (error) {
    const undone = await compensate(deps, input.channelId, messageId, 'the database did not record it');
    // Another desktop recorded the same submission first: answer with its drop.
    if (isUniqueViolation(error)) {
      const winner = await findSpawnByKey(database, input.idempotencyKey, deps.clock.now()).catch(() => null);
      if (winner) return { drop: winner, repeated: true };
    }
    throw recordFailure(error, messageId, input.channelId, undone);
  }

  const drop = await readDrop(database, messageId, deps.clock.now());
  if (!drop) throw ERRORS.notFound(`The drop ${messageId}`);
  return { drop, repeated: false };
}

/** Deletes a message nobody recorded. Returns null when it is gone, else why it is not. */
async function compensate(deps: SpawnDeps, channelId: string, messageId: string, why: string): Promise<string | null> {
  try {
    await deleteChannelMessage(deps.discord.client, channelId, messageId, `Aurora Desk: ${why}`);
    return null;
  } catch (error) {
    const reason = describeDiscordError(error).message;
    deps.log.error('a lootdrop message could not be deleted after its record failed', { channelId, messageId, error: reason });
    return reason;
  }
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
