/**
 * The open-case form finds the member by name as well as by Discord ID: players first (the
 * game's users, by the lower(username) index of 0005), then names the bot recorded as case
 * targets, newest first (read off the created index with a bounded walk, so a rare name
 * costs at most MEMBER_WINDOW rows).
 */
import type { MemberMatch } from '@shared/domain/moderation.js';
import type { AuroraDatabase } from '../../core/database.js';
import { likePattern } from '../../core/sql.js';

/** Recent cases searched for a target name. */
export const MEMBER_WINDOW = 20_000;

export async function findMembers(database: AuroraDatabase, text: string, limit: number): Promise<MemberMatch[]> {
  const digits = /^\d{1,20}$/.test(text) ? text : null;
  const pattern = likePattern(text);
  const players = await database.query<{ id: string; username: string | null }>(
    `SELECT id::text AS id, username FROM users
      WHERE ($1::text IS NOT NULL AND id::text LIKE $1 || '%') OR username ILIKE $2
      ORDER BY lower(username), id LIMIT $3`,
    [digits, pattern, limit],
  );
  const found: MemberMatch[] = players.rows.map((row) => ({ id: BigInt(row.id), name: row.username ?? row.id, source: 'player' }));
  if (found.length >= limit) return found;
  const seen = await database.query<{ user_id: string; username: string }>(
    `SELECT DISTINCT ON (user_id) user_id::text AS user_id, username
       FROM (SELECT user_id, username, created_at, id FROM moderation_cases
              ORDER BY created_at DESC, id DESC LIMIT $4) AS recent
      WHERE user_id IS NOT NULL AND username IS NOT NULL
        AND (($1::text IS NOT NULL AND user_id::text LIKE $1 || '%') OR username ILIKE $2)
      ORDER BY user_id, created_at DESC, id DESC LIMIT $3`,
    [digits, pattern, limit * 4, MEMBER_WINDOW],
  );
  const known = new Set(found.map((m) => m.id));
  for (const row of seen.rows) {
    const id = BigInt(row.user_id);
    if (known.has(id) || found.length >= limit) continue;
    known.add(id);
    found.push({ id, name: row.username, source: 'case' });
  }
  return found;
}
