/**
 * Drops this desk spawned get their message edited when they end unclaimed: "expired" (or
 * "cancelled", retrying a cancel whose edit failed, or finishing one that died midway). Claimed drops are the bot's to edit.
 * Housekeeping runs this at each expiry (and once a minute), so a restart catches up.
 */
import { and, eq } from 'drizzle-orm';
import type { AuroraDatabase } from '../../core/database.js';
import { describeDiscordError, editChannelMessage, type DiscordTarget } from '../../core/discord/index.js';
import type { Logger } from '../../core/log.js';
import { lootdropSpawns } from '../../db/desk/tables.js';
import { closedLootdropMessage } from './message.js';
import { utcParam } from './rows.js';

interface DueRow {
  message_id: string;
  channel_id: string;
  reward_amount: number;
  currency: string;
  custom_id: string;
  cancelled: boolean;
}

/** Edits the messages of drops that ended unclaimed; returns how many were closed. */
export async function closeEndedDropMessages(
  database: AuroraDatabase,
  discord: DiscordTarget,
  now: Date,
  log: Logger,
  stopped: () => boolean = () => false,
  limit = 25,
): Promise<number> {
  const { rows } = await database.query<DueRow>(
    `SELECT s.message_id, s.channel_id, s.reward_amount, s.currency, s.custom_id, (x.message_id IS NOT NULL) AS cancelled
       FROM aurora_desk.lootdrop_spawns s
       JOIN lootdrops l ON l.message_id = s.message_id
       LEFT JOIN aurora_desk.lootdrop_cancels x ON x.message_id = s.message_id
      WHERE s.message_state = 'posted' AND l.claimed_by IS NULL AND l.expires_at <= ${utcParam(1)}
        -- A cancel in progress edits its own message; leave it alone unless it died midway.
        AND (x.message_id IS NULL OR x.message_action <> 'pending' OR x.cancelled_at < ${utcParam(1)} - interval '2 minutes')
      ORDER BY l.expires_at LIMIT ${limit}`,
    [now.toISOString()],
  );
  let closed = 0;
  for (const row of rows) {
    if (stopped()) break;
    const reason = row.cancelled ? 'cancelled' : 'expired';
    let state: 'expired' | 'cancelled' | 'deleted' = reason;
    try {
      await editChannelMessage(
        discord.client,
        row.channel_id,
        row.message_id,
        closedLootdropMessage({ amount: Number(row.reward_amount), currency: row.currency, at: now, customId: row.custom_id }, reason),
      );
    } catch (error) {
      const problem = describeDiscordError(error);
      if (problem.kind !== 'unknown-message' && problem.kind !== 'unknown-channel') {
        log.warn('an ended lootdrop message could not be edited; will retry', { messageId: row.message_id, error: problem.message });
        continue;
      }
      state = 'deleted'; // someone removed it on Discord already
    }
    await database.db
      .update(lootdropSpawns)
      .set({ messageState: state, messageStateAt: now })
      .where(and(eq(lootdropSpawns.messageId, row.message_id), eq(lootdropSpawns.messageState, 'posted')));
    closed += 1;
  }
  return closed;
}

/** The next moment a drop of ours ends while still unclaimed, or null. */
export async function nextDropExpiry(database: AuroraDatabase, now: Date): Promise<Date | null> {
  const { rows } = await database.query<{ next: string | null }>(
    `SELECT to_char(min(l.expires_at), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS next
       FROM aurora_desk.lootdrop_spawns s JOIN lootdrops l ON l.message_id = s.message_id
      WHERE s.message_state = 'posted' AND l.claimed_by IS NULL AND l.expires_at > ${utcParam(1)}`,
    [now.toISOString()],
  );
  return rows[0]?.next ? new Date(rows[0].next) : null;
}
