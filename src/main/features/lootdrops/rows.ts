/**
 * One drop as the board and the history show it: the bot's row, the claimer's name, and what
 * Aurora Desk knows beside it (who spawned it, when it was claimed, who cancelled it).
 *
 * Raw SQL on both drivers. Times leave the database as UTC ISO text (the bot's columns have no
 * zone; ours do), so neither driver's local-time parsing can shift them. Where aurora_desk is
 * missing (a role that may not create it), the same columns come back empty.
 */
import type { LootdropStatus, LootdropView } from '@shared/domain/lootdrops.js';
import type { AuroraDatabase } from '../../core/database.js';
import { sharedAnswer, timedCache } from '../../core/timed-cache.js';

/** A bot column (timestamp without time zone, UTC by convention) as ISO text. */
export const isoOfUtc = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** One of our timestamptz columns as ISO text. */
export const isoOfZoned = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** A JS Date parameter as the bot's zoneless UTC timestamp (pg would otherwise send local time). */
export const utcParam = (index: number) => `($${index}::timestamptz AT TIME ZONE 'UTC')`;

export interface DropRow {
  message_id: string;
  channel_id: string;
  reward_amount: number;
  currency: string;
  claimed_by: string | null;
  claimer_name: string | null;
  created_at: string;
  expires_at: string | null;
  claimed_at: string | null;
  spawned_by_id: string | null;
  spawned_by_name: string | null;
  burst_id: string | null;
  cancelled_by_id: string | null;
  cancelled_by_name: string | null;
  cancelled_at: string | null;
  message_action: string | null;
  /** For keyset paging: created_at to the microsecond. */
  created_key: string;
}

const deskColumns = `
  ${isoOfZoned('c.claimed_at')} AS claimed_at,
  s.spawned_by_id::text AS spawned_by_id, s.spawned_by_name,
  s.burst_id::text AS burst_id,
  x.cancelled_by_id::text AS cancelled_by_id, x.cancelled_by_name,
  ${isoOfZoned('x.cancelled_at')} AS cancelled_at, x.message_action`;

const noDeskColumns = `
  NULL::text AS claimed_at, NULL::text AS spawned_by_id, NULL::text AS spawned_by_name, NULL::text AS burst_id,
  NULL::text AS cancelled_by_id, NULL::text AS cancelled_by_name, NULL::text AS cancelled_at, NULL::text AS message_action`;

const deskJoins = `
  LEFT JOIN aurora_desk.lootdrop_claims c ON c.message_id = l.message_id
  LEFT JOIN aurora_desk.lootdrop_spawns s ON s.message_id = l.message_id
  LEFT JOIN aurora_desk.lootdrop_cancels x ON x.message_id = l.message_id`;

/** SELECT … FROM lootdrops l … ; append WHERE / ORDER BY. */
export function dropSelect(withDesk: boolean): string {
  return `
    SELECT l.message_id, l.channel_id, l.reward_amount, l.currency, l.claimed_by::text AS claimed_by, u.username AS claimer_name,
           ${isoOfUtc('l.created_at')} AS created_at, ${isoOfUtc('l.expires_at')} AS expires_at,
           to_char(l.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US') AS created_key,
           ${withDesk ? deskColumns : noDeskColumns}
      FROM lootdrops l
      LEFT JOIN users u ON u.id = l.claimed_by
      ${withDesk ? deskJoins : ''}`;
}

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

export function statusOf(row: Pick<DropRow, 'claimed_by' | 'expires_at' | 'cancelled_at'>, now: Date): LootdropStatus {
  if (row.claimed_by !== null) return 'claimed';
  if (row.cancelled_at !== null) return 'cancelled';
  if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) return 'expired';
  return 'active';
}

export function toLootdropView(row: DropRow, now: Date): LootdropView {
  const createdAt = new Date(row.created_at);
  const claimedAt = row.claimed_by !== null ? date(row.claimed_at) : null;
  return {
    messageId: row.message_id,
    channelId: row.channel_id,
    amount: Number(row.reward_amount),
    currency: row.currency,
    status: statusOf(row, now),
    claimedBy: row.claimed_by === null ? null : BigInt(row.claimed_by),
    claimerName: row.claimer_name,
    createdAt,
    expiresAt: date(row.expires_at),
    claimedAt,
    claimMs: claimedAt ? Math.max(0, claimedAt.getTime() - createdAt.getTime()) : null,
    spawnedBy: row.spawned_by_id ? { id: BigInt(row.spawned_by_id), name: row.spawned_by_name ?? '' } : null,
    burstId: row.burst_id ? BigInt(row.burst_id) : null,
    cancelled:
      row.cancelled_by_id && row.cancelled_at
        ? { by: { id: BigInt(row.cancelled_by_id), name: row.cancelled_by_name ?? '' }, at: new Date(row.cancelled_at), messageAction: row.message_action ?? 'none' }
        : null,
  };
}

/** Whether this database has the lootdrop tables of aurora_desk: kept once found; an absence is asked again. */
const deskPresence = timedCache<AuroraDatabase, Promise<boolean>>({ ttlMs: 60 * 60_000, max: 1 });

export function hasLootdropDesk(database: AuroraDatabase): Promise<boolean> {
  const known = sharedAnswer(deskPresence, database, 'tables', async () => {
    const { rows } = await database.query<{ present: boolean }>(
      `SELECT to_regclass('aurora_desk.lootdrop_spawns') IS NOT NULL AND to_regclass('aurora_desk.lootdrop_claims') IS NOT NULL
              AND to_regclass('aurora_desk.lootdrop_cancels') IS NOT NULL AS present`,
    );
    return rows[0]?.present === true;
  });
  return known.then(
    (present) => {
      if (!present) deskPresence.delete(database, 'tables');
      return present;
    },
    () => false,
  );
}

/** Whether the claim recorder trigger is on `lootdrops` (else claim times are not measured). */
export async function claimTimesRecorded(database: AuroraDatabase): Promise<boolean> {
  const { rows } = await database.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = to_regclass('lootdrops') AND tgname = 'aurora_desk_lootdrop_claims') AS present`,
  );
  return rows[0]?.present === true;
}

/** One drop by its message ID, or null. */
export async function readDrop(database: AuroraDatabase, messageId: string, now: Date): Promise<LootdropView | null> {
  const withDesk = await hasLootdropDesk(database);
  const { rows } = await database.query<DropRow>(`${dropSelect(withDesk)} WHERE l.message_id = $1`, [messageId]);
  return rows[0] ? toLootdropView(rows[0], now) : null;
}
