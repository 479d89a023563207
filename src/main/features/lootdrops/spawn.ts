/**
 * Spawning a drop: post the message on Discord, then record the row. The order matters: the
 * bot's primary key is the message ID, which only Discord can hand out. So:
 *  - the intent to post is in the post outbox first, and the post goes under a nonce Discord
 *    enforces (post-drop.ts): no answer never becomes a second message;
 *  - posting fails  -> nothing is written but the outbox row saying why;
 *  - recording fails -> the message is deleted again (and the answer says so, or says to delete
 *    it by hand when Discord refuses that too; record-drop.ts).
 * A double submit (same idempotency key) spawns one drop: concurrent repeats wait for the first
 * call in this process, later ones find its `aurora_desk.lootdrop_spawns` row.
 */
import { eq } from 'drizzle-orm';
import type { LootdropView, SpawnLootdropInput, SpawnLootdropResult } from '@shared/domain/lootdrops.js';
import { claimButtonNeedsMessageId } from '@shared/domain/lootdrops.js';
import type { StaffWrite } from '../../core/audit.js';
import type { Clock } from '../../core/clock.js';
import type { AuroraDatabase } from '../../core/database.js';
import type { DiscordTarget } from '../../core/discord/index.js';
import type { DeskRun } from '../../core/services.js';
import { isUniqueViolation } from '../../core/driver-errors.js';
import { ERRORS } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { timedCache } from '../../core/timed-cache.js';
import { lootdropSpawns } from '../../db/desk/tables.js';
import { assertSpawnable, type LootdropConfig } from './config.js';
import { claimButtonId, lootdropMessage } from './message.js';
import { postDrop, type DropDetails } from './post-drop.js';
import { recordAcceptedDrop } from './record-drop.js';
import { hasLootdropDesk, readDrop } from './rows.js';

export interface SpawnDeps {
  discord: DiscordTarget;
  config: LootdropConfig;
  clock: Clock;
  log: Logger;
  run: DeskRun;
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

  // The message shows the expiry as if Discord took it now; it is corrected once it did.
  const postedExpiresAt = new Date(deps.clock.now().getTime() + input.lifetimeSeconds * 1000);
  const format = deps.config.claimButtonFormat;
  const laterButton = claimButtonNeedsMessageId(format);
  const customId = claimButtonId(format, input);
  const details: DropDetails = {
    amount: input.amount,
    currency: input.currency,
    lifetimeSeconds: input.lifetimeSeconds,
    customId,
    laterButton,
    burstId: deps.burst ? deps.burst.id.toString() : null,
    burstSeq: deps.burst?.seq ?? null,
  };
  const body = lootdropMessage({ amount: input.amount, currency: input.currency, expiresAt: postedExpiresAt, customId }, !laterButton);
  const posted = await postDrop(database, { channelId: input.channelId, idempotencyKey: input.idempotencyKey, body, details, actor }, deps);
  const accepted = { ...posted, channelId: input.channelId, idempotencyKey: input.idempotencyKey, details, postedExpiresAt, format };
  try {
    return { drop: await recordAcceptedDrop(write, accepted, deps), repeated: false };
  } catch (error) {
    // Another desktop recorded the same submission first: answer with its drop.
    if (isUniqueViolation((error as { recordError?: unknown }).recordError)) {
      const winner = await findSpawnByKey(database, input.idempotencyKey, deps.clock.now()).catch(() => null);
      if (winner) return { drop: winner, repeated: true };
    }
    throw error;
  }
}
