/**
 * Per-channel claim rate and time to claim.
 *
 * Claim rate = claimed / (claimed + expired unclaimed): drops still up, and drops staff
 * cancelled, are left out. Time to claim is measured only where it is known: the claim time
 * comes from aurora_desk.lootdrop_claims (the claim recorder trigger), since the bot's table has
 * no claimed_at. `measuredClaims` says on how many claims a median rests (GREATEST ignores NULLs,
 * so an untimed claim must be excluded before clamping a clock-skewed negative time to 0).
 */
import type { ChannelClaimStats, ClaimTimeBucket, LootdropStats } from '@shared/domain/lootdrops.js';
import type { AuroraDatabase } from '../../core/database.js';
import { claimTimesRecorded, hasLootdropDesk, utcParam } from './rows.js';

const BUCKETS: { label: string; upToMs: number | null }[] = [
  { label: '< 5 s', upToMs: 5_000 },
  { label: '5–15 s', upToMs: 15_000 },
  { label: '15–30 s', upToMs: 30_000 },
  { label: '30–60 s', upToMs: 60_000 },
  { label: '1–2 min', upToMs: 120_000 },
  { label: '2–5 min', upToMs: 300_000 },
  { label: '5–15 min', upToMs: 900_000 },
  { label: '15 min +', upToMs: null },
];

interface StatsRow {
  channel_id: string | null;
  overall: number;
  drops: string;
  claimed: string;
  expired: string;
  active: string;
  measured: string;
  median_ms: number | string | null;
}

export async function readStats(database: AuroraDatabase, input: { days: number | null }, now: Date): Promise<LootdropStats> {
  const withDesk = await hasLootdropDesk(database);
  const since = input.days === null ? null : new Date(now.getTime() - input.days * 86_400_000);
  const claimMs = withDesk
    ? `CASE WHEN l.claimed_by IS NOT NULL AND c.claimed_at IS NOT NULL THEN GREATEST(0, EXTRACT(EPOCH FROM (c.claimed_at AT TIME ZONE 'UTC') - l.created_at) * 1000) END`
    : 'NULL::float8';
  const cancelled = withDesk ? 'x.message_id IS NOT NULL' : 'false';
  const joins = withDesk
    ? `LEFT JOIN aurora_desk.lootdrop_claims c ON c.message_id = l.message_id
       LEFT JOIN aurora_desk.lootdrop_cancels x ON x.message_id = l.message_id`
    : '';
  /** The drops in the window; `since` is parameter $index when there is a window. */
  const drops = (index: number) => `
    SELECT l.channel_id, l.claimed_by, l.expires_at, (${claimMs})::float8 AS claim_ms, (${cancelled}) AS cancelled
      FROM lootdrops l ${joins} ${since ? `WHERE l.created_at >= ${utcParam(index)}` : ''}`;
  const sinceParams = since ? [since.toISOString()] : [];

  const [grouped, buckets, recorded] = await Promise.all([
    database.query<StatsRow>(
      `WITH d AS (${drops(2)})
       SELECT channel_id, GROUPING(channel_id) AS overall,
              count(*) AS drops,
              count(*) FILTER (WHERE claimed_by IS NOT NULL) AS claimed,
              count(*) FILTER (WHERE claimed_by IS NULL AND NOT cancelled AND expires_at <= ${utcParam(1)}) AS expired,
              count(*) FILTER (WHERE claimed_by IS NULL AND NOT cancelled AND (expires_at IS NULL OR expires_at > ${utcParam(1)})) AS active,
              count(claim_ms) AS measured,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY claim_ms) AS median_ms
         FROM d
        GROUP BY GROUPING SETS ((channel_id), ())
        ORDER BY GROUPING(channel_id), count(*) DESC, channel_id`,
      [now.toISOString(), ...sinceParams],
    ),
    database.query<Record<string, string>>(
      `WITH d AS (${drops(1)})
       SELECT ${BUCKETS.map((b, i) => {
         const lower = i === 0 ? null : BUCKETS[i - 1]!.upToMs;
         const conditions = ['claim_ms IS NOT NULL', lower === null ? null : `claim_ms >= ${lower}`, b.upToMs === null ? null : `claim_ms < ${b.upToMs}`].filter(Boolean);
         return `count(*) FILTER (WHERE ${conditions.join(' AND ')}) AS b${i}`;
       }).join(', ')}
         FROM d`,
      sinceParams,
    ),
    withDesk ? claimTimesRecorded(database) : Promise.resolve(false),
  ]);

  const toStats = (row: StatsRow): Omit<ChannelClaimStats, 'channelId'> => {
    const claimed = Number(row.claimed);
    const expired = Number(row.expired);
    return {
      drops: Number(row.drops),
      claimed,
      expired,
      active: Number(row.active),
      claimRate: claimed + expired === 0 ? null : claimed / (claimed + expired),
      measuredClaims: Number(row.measured),
      medianClaimMs: row.median_ms === null ? null : Math.round(Number(row.median_ms)),
    };
  };
  const overallRow = grouped.rows.find((r) => Number(r.overall) === 1);
  const empty = { drops: 0, claimed: 0, expired: 0, active: 0, claimRate: null, measuredClaims: 0, medianClaimMs: null };
  const counts = buckets.rows[0] ?? {};
  const claimTimes: ClaimTimeBucket[] = BUCKETS.map((b, i) => ({ ...b, claims: Number(counts[`b${i}`] ?? 0) }));
  return {
    since,
    channels: grouped.rows.filter((r) => Number(r.overall) === 0).map((r) => ({ channelId: r.channel_id!, ...toStats(r) })),
    overall: overallRow ? toStats(overallRow) : empty,
    claimTimes,
    claimTimesRecorded: recorded,
  };
}
