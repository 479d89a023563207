/**
 * Moderation cases as the bot writes them. Case IDs look like 'A-000001': that is the bot's own
 * format (a letter prefix and a zero-padded running number). Aurora Desk files its own cases under
 * a different prefix, so the two never collide on the unique case_id.
 */
import * as words from './lexicon.js';
import { streamFor, type Random } from './random.js';
import { bool, json, type Cell, type TableStream } from './rows.js';
import { playerName, snowflakeAt, timestamp, type Person, type World } from './world.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const BOT_CASE_PREFIX = 'A-';
export const botCaseId = (n: number): string => `${BOT_CASE_PREFIX}${String(n).padStart(6, '0')}`;

const DURATIONS: [string, number][] = [
  ['10m', 10 * MINUTE],
  ['1h', HOUR],
  ['6h', 6 * HOUR],
  ['1d', DAY],
  ['7d', 7 * DAY],
  ['28d', 28 * DAY],
];
const TIMED = new Set(['timeout', 'mute', 'voice_mute']);
/** Moderators are not equally busy: the first few handle most of the queue. */
const MODERATOR_WEIGHTS = [20, 16, 12, 10, 9, 8, 7, 6, 5, 4, 2, 1];

function metadataFor(type: string, rng: Random, world: World, automod: boolean): Record<string, unknown> {
  const extra: Record<string, unknown> = automod ? { automod: true, rule: rng.pick(['spam', 'mention_flood', 'invite_link', 'caps']) } : {};
  if (rng.chance(0.15)) extra.messageLink = `https://discord.com/channels/${world.channels[0]}/${rng.pick(world.channels)}/${snowflakeAt(world.anchorMs - rng.int(1, 600) * DAY, rng)}`;
  switch (type) {
    case 'timeout':
    case 'mute':
    case 'voice_mute': {
      const [label] = rng.weighted(DURATIONS, [20, 35, 20, 15, 8, 2]);
      return { duration: label, ...extra };
    }
    case 'ban':
      return rng.chance(0.2) ? { duration: rng.pick(['7d', '30d']), deleteMessageDays: 1, ...extra } : { deleteMessageDays: rng.pick([0, 1, 7]), appealable: rng.chance(0.7), ...extra };
    case 'softban':
      return { deleteMessageDays: 7, ...extra };
    case 'warn':
      return { points: rng.pick([1, 1, 1, 2, 3]), ...extra };
    case 'note':
      return { visibility: 'staff', ...extra };
    default:
      return extra;
  }
}

function durationMs(metadata: Record<string, unknown>): number | undefined {
  const label = metadata.duration;
  if (typeof label !== 'string') return undefined;
  const found = DURATIONS.find(([l]) => l === label);
  return found ? found[1] : label === '30d' ? 30 * DAY : undefined;
}

function reasonFor(type: string, rng: Random): string | null {
  if (rng.chance(0.03)) return null; // Discord lets a moderator act without a reason
  const reason = rng.pick(words.CASE_REASONS[type] ?? words.CASE_REASONS.warn!);
  // Some reasons span lines (and the writers must escape them).
  return rng.chance(0.01) ? `${reason}\nSee ticket #${rng.int(1000, 9999)}\t(follow-up)` : reason;
}

export function moderationCaseRows(world: World): TableStream {
  return {
    table: 'moderation_cases',
    columns: ['id', 'case_id', 'type', 'user_id', 'username', 'moderator_id', 'moderator_name', 'reason', 'metadata', 'active', 'created_at', 'resolved_at', 'resolved_by', 'resolved_reason'],
    *rows() {
      const rng = streamFor(world.seed, 'moderation_cases');
      const n = world.counts.cases;
      const span = world.anchorMs - world.startMs;
      // People who were never players (left the server, raid accounts): a recurring pool.
      const outsiders: Person[] = Array.from({ length: Math.max(20, Math.floor(n / 40)) }, () => ({
        id: snowflakeAt(world.startMs + rng.next() * span, rng).toString(),
        name: playerName(rng),
      }));
      const players = world.playerIds.length;
      for (let id = 1; id <= n; id++) {
        // A growing server: cases become more frequent towards the anchor.
        const created = world.startMs + Math.pow((id - 1 + rng.next()) / n, 0.7) * span;
        const type = rng.weighted(words.CASE_TYPES, words.CASE_WEIGHTS);
        let target: Person;
        if (players > 0 && rng.chance(0.8)) {
          // A quarter of player cases go to a small set of repeat offenders.
          const index = rng.chance(0.25) ? Math.min(players - 1, 3 + 97 * rng.int(0, Math.floor(players / 97))) : rng.int(0, players - 1);
          target = { id: world.playerIds[index]!, name: world.playerNames[index]! };
        } else {
          target = rng.pick(outsiders);
        }
        const automod = (type === 'warn' || type === 'timeout' || type === 'mute') && rng.chance(0.12);
        const moderator = automod ? world.automod : rng.weighted(world.moderators, MODERATOR_WEIGHTS);
        const metadata = metadataFor(type, rng, world, automod);
        const resolution = resolve(type, created, metadata, rng, world);
        yield [
          String(id),
          botCaseId(id),
          type,
          target.id,
          target.name,
          moderator.id,
          moderator.name,
          reasonFor(type, rng),
          json(metadata),
          bool(resolution.active),
          timestamp(created),
          resolution.at === undefined ? null : timestamp(resolution.at),
          resolution.by ?? null,
          resolution.reason ?? null,
        ];
      }
    },
  };
}

interface Resolution {
  active: boolean;
  at?: number;
  by?: Cell;
  reason?: string;
}

function resolve(type: string, created: number, metadata: Record<string, unknown>, rng: Random, world: World): Resolution {
  const age = world.anchorMs - created;
  const byModerator = (at: number): Resolution => ({
    active: false,
    at: Math.max(created, Math.min(at, world.anchorMs)),
    by: rng.weighted(world.moderators, MODERATOR_WEIGHTS).id,
    reason: rng.pick(words.RESOLVE_REASONS),
  });
  const duration = durationMs(metadata);
  if (TIMED.has(type) || (type === 'ban' && duration !== undefined)) {
    const ends = created + (duration ?? HOUR);
    if (rng.chance(0.08)) return byModerator(created + rng.next() * Math.min(ends - created, age)); // lifted early
    if (ends <= world.anchorMs) return { active: false, at: ends, by: world.automod.id, reason: 'Expired' };
    return { active: true };
  }
  switch (type) {
    case 'warn':
      return rng.chance(0.15 + 0.5 * (age / (world.anchorMs - world.startMs))) ? byModerator(created + HOUR + rng.next() * 60 * DAY) : { active: true };
    case 'ban':
      return rng.chance(0.12) ? byModerator(created + DAY + rng.next() * 90 * DAY) : { active: true };
    case 'note':
      return rng.chance(0.05) ? byModerator(created + rng.next() * 30 * DAY) : { active: true };
    default:
      // kick, softban: done the moment they happen; nothing stays active.
      return { active: false };
  }
}
