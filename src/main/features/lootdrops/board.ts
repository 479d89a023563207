/**
 * The live board (active drops, the latest claimed and expired ones) and the history with its
 * filters. Reads only: the board works without Discord, from what the database holds.
 */
import type { DropPost, HistoryInput, LootdropBoard, LootdropHistoryPage } from '@shared/domain/lootdrops.js';
import type { AuroraDatabase } from '../../core/database.js';
import { hasPostOutbox, postsToShow, type OpenPost } from '../../core/discord/post-outbox.js';
import { DROP_SUBJECT, type DropDetails } from './post-drop.js';
import { claimTimesRecorded, dropSelect, hasLootdropDesk, toLootdropView, utcParam, type DropRow } from './rows.js';

/** Active drops are few by nature; this guards the board against a table full of forever-drops. */
const ACTIVE_CAP = 500;

export async function readBoard(database: AuroraDatabase, input: { recent: number }, now: Date): Promise<LootdropBoard> {
  const withDesk = await hasLootdropDesk(database);
  const nowIso = now.toISOString();
  const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
  // Each list picks its drops first (lootdrops and, for claim times, our claims table) and only
  // then joins names and desk columns to the page: joined before the LIMIT, every claimed drop
  // met every player (a hash of all of users, ~70 ms at 10,000 drops and 200,000 players).
  const [active, claimed, expired, counts, recorded, posts] = await Promise.all([
    database.query<DropRow>(
      pageOfDrops(
        withDesk,
        `SELECT message_id FROM lootdrops WHERE claimed_by IS NULL AND (expires_at IS NULL OR expires_at > ${utcParam(1)})
          ORDER BY expires_at ASC NULLS LAST, created_at DESC LIMIT ${ACTIVE_CAP}`,
        'l.expires_at ASC NULLS LAST, l.created_at DESC',
      ),
      [nowIso],
    ),
    database.query<DropRow>(pageOfDrops(withDesk, recentlyClaimed(withDesk, '$1'), 'page.claim_order DESC, l.message_id DESC'), [input.recent]),
    database.query<DropRow>(
      pageOfDrops(
        withDesk,
        `SELECT message_id FROM lootdrops WHERE claimed_by IS NULL AND expires_at <= ${utcParam(1)}
          ORDER BY expires_at DESC, message_id DESC LIMIT $2`,
        'l.expires_at DESC, l.message_id DESC',
      ),
      [nowIso, input.recent],
    ),
    database.query<{ active: string; claimed: string; expired: string }>(
      `SELECT count(*) FILTER (WHERE claimed_by IS NULL AND (expires_at IS NULL OR expires_at > ${utcParam(1)})) AS active,
              count(*) FILTER (WHERE claimed_by IS NOT NULL AND created_at > ${utcParam(2)}) AS claimed,
              count(*) FILTER (WHERE claimed_by IS NULL AND expires_at <= ${utcParam(1)} AND expires_at > ${utcParam(2)}) AS expired
         FROM lootdrops
        WHERE (claimed_by IS NULL AND (expires_at IS NULL OR expires_at > ${utcParam(2)})) OR created_at > ${utcParam(2)}`,
      [nowIso, dayAgo],
    ),
    withDesk ? claimTimesRecorded(database) : Promise.resolve(false),
    readPosts(database, now),
  ]);
  const view = (rows: DropRow[]) => rows.map((row) => toLootdropView(row, now));
  const c = counts.rows[0];
  return {
    now,
    active: view(active.rows),
    claimed: view(claimed.rows),
    expired: view(expired.rows),
    counts: { active: Number(c?.active ?? 0), claimedLastDay: Number(c?.claimed ?? 0), expiredLastDay: Number(c?.expired ?? 0) },
    claimTimesRecorded: recorded,
    posts: posts.map((post) => toDropPost(post, now)),
  };
}

async function readPosts(database: AuroraDatabase, now: Date): Promise<OpenPost[]> {
  if (!(await hasPostOutbox(database))) return [];
  return postsToShow(database.db, DROP_SUBJECT, new Date(now.getTime() - 3600_000));
}

function toDropPost(post: OpenPost, now: Date): DropPost {
  const details = post.details as unknown as DropDetails;
  const waiting = post.state === 'posting' && post.waitingUntil !== null && post.waitingUntil > now;
  const state = post.state === 'posting' ? (waiting ? 'waiting' : 'sending') : post.state === 'posted' ? 'sending' : post.state;
  return {
    nonce: post.nonce,
    channelId: post.channelId,
    amount: details.amount,
    currency: details.currency,
    lifetimeSeconds: details.lifetimeSeconds,
    state,
    waitingUntil: waiting ? post.waitingUntil : null,
    requestedAt: post.requestedAt,
    spawnedBy: { id: post.actorId, name: post.actorName },
    detail: post.detail,
  };
}

/** A drop row (dropSelect) for each drop `page` picked (a query yielding message_id), in `order`. */
function pageOfDrops(withDesk: boolean, page: string, order: string): string {
  return `${dropSelect(withDesk)} JOIN (${page}) AS page ON page.message_id = l.message_id ORDER BY ${order}`;
}

/**
 * The latest claims, newest first, by the claim time where it is known, else the drop's
 * creation. A claim cannot come before its drop, so a recorded claim time earlier than the
 * creation (another clock) counts as the creation: the order key is never below created_at.
 * Bounded by that: the first `limit` by recorded claim time (our claims index) together with the
 * first `limit` claimed drops by creation (the lootdrops created_at index) hold the true first
 * `limit`, as every drop ahead of one in either list also ranks ahead of it in the answer.
 */
function recentlyClaimed(withDesk: boolean, limit: string): string {
  if (!withDesk) {
    return `SELECT message_id, created_at AS claim_order FROM lootdrops WHERE claimed_by IS NOT NULL
             ORDER BY created_at DESC, message_id DESC LIMIT ${limit}`;
  }
  const claimOrder = `GREATEST(c.claimed_at AT TIME ZONE 'UTC', l.created_at)`;
  return `(SELECT l.message_id, ${claimOrder} AS claim_order
             FROM aurora_desk.lootdrop_claims c JOIN lootdrops l ON l.message_id = c.message_id
            WHERE l.claimed_by IS NOT NULL ORDER BY c.claimed_at DESC, c.message_id DESC LIMIT ${limit})
          UNION
          (SELECT l.message_id, ${claimOrder} AS claim_order
             FROM lootdrops l LEFT JOIN aurora_desk.lootdrop_claims c ON c.message_id = l.message_id
            WHERE l.claimed_by IS NOT NULL ORDER BY l.created_at DESC, l.message_id DESC LIMIT ${limit})
          ORDER BY claim_order DESC, message_id DESC LIMIT ${limit}`;
}

export async function readHistory(database: AuroraDatabase, input: HistoryInput, now: Date): Promise<LootdropHistoryPage> {
  const withDesk = await hasLootdropDesk(database);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (input.channelId) where.push(`l.channel_id = ${param(input.channelId)}`);
  if (input.currency) where.push(`l.currency = ${param(input.currency)}`);
  if (input.claimedBy !== undefined) where.push(`l.claimed_by = ${param(input.claimedBy.toString())}::bigint`);
  if (input.from) where.push(`l.created_at >= ${utcParam(params.push(input.from.toISOString()))}`);
  if (input.to) where.push(`l.created_at < ${utcParam(params.push(input.to.toISOString()))}`);
  if (input.fromDeskOnly) where.push(withDesk ? 's.message_id IS NOT NULL' : 'false');
  if (input.status) {
    // Only the time-dependent states take "now" as a parameter (an unused one has no type).
    const at = () => utcParam(params.push(now.toISOString()));
    const cancelled = withDesk ? 'x.message_id IS NOT NULL' : 'false';
    const conditions = {
      active: () => `l.claimed_by IS NULL AND (l.expires_at IS NULL OR l.expires_at > ${at()})`,
      claimed: () => 'l.claimed_by IS NOT NULL',
      expired: () => `l.claimed_by IS NULL AND l.expires_at <= ${at()} AND NOT (${cancelled})`,
      cancelled: () => `l.claimed_by IS NULL AND ${cancelled}`,
    };
    where.push(conditions[input.status]());
  }
  if (input.cursor) {
    const split = input.cursor.lastIndexOf('|');
    const created = param(input.cursor.slice(0, split));
    const id = param(input.cursor.slice(split + 1));
    where.push(`(l.created_at, l.message_id) < (${created}::timestamp, ${id})`);
  }
  const limit = param(input.limit + 1);
  const { rows } = await database.query<DropRow>(
    `${dropSelect(withDesk)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY l.created_at DESC, l.message_id DESC LIMIT ${limit}`,
    params,
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((row) => toLootdropView(row, now)),
    nextCursor: rows.length > input.limit && last ? `${last.created_key}|${last.message_id}` : null,
  };
}
