/** Rows for the world's small tables and for each player: classes, items, quests, users, inventory, timers. */
import { streamFor, type Random } from './random.js';
import { bool, json, type Cell, type TableStream } from './rows.js';
import { timestamp, type ItemDef, type World } from './world.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function classRows(world: World): TableStream {
  return {
    table: 'classes',
    columns: ['id', 'name', 'balance', 'role_id'],
    *rows() {
      for (const c of world.classes) yield [String(c.id), c.name, c.balance, c.roleId];
    },
  };
}

export function itemRows(world: World): TableStream {
  return {
    table: 'items',
    columns: ['id', 'name', 'description', 'rarity', 'type', 'usage_data', 'price', 'icon_url', 'image_url'],
    *rows() {
      for (const item of world.items) {
        yield [
          String(item.id),
          item.name,
          item.description,
          item.rarity,
          item.type,
          json(item.usageData),
          item.price === null ? null : String(item.price),
          `https://cdn.aurora-rpg.example/items/icons/${item.slug}.png`,
          item.rarity === 'Common' ? null : `https://cdn.aurora-rpg.example/items/art/${item.slug}.webp`,
        ];
      }
    },
  };
}

export function questRows(world: World): TableStream {
  return {
    table: 'quests',
    columns: ['id', 'name', 'description', 'trigger_event', 'requirements', 'rewards'],
    *rows() {
      for (const q of world.quests) yield [String(q.id), q.name, q.description, q.trigger, json(q.requirements), json(q.rewards)];
    },
  };
}

const LOCALES = ['en-US', 'en-GB', 'de', 'fr', 'es-ES', 'pt-BR', 'pl', 'ja'];

function balanceFor(rng: Random, index: number): string {
  // A handful of whales hold more than 2^53 coins: amounts must survive as bigint end to end.
  if (index % 4999 === 17) return (9_007_199_254_740_993n + BigInt(rng.int(0, 1_000_000_000)) * 1000n).toString();
  return String(Math.floor(Math.pow(rng.next(), 4) * 5_000_000));
}

export function userRows(world: World): TableStream {
  return {
    table: 'users',
    columns: ['id', 'class_id', 'username', 'is_active', 'balance', 'xp', 'level', 'daily_streak', 'settings', 'created_at', 'updated_at'],
    *rows() {
      const rng = streamFor(world.seed, 'users');
      const classCount = world.classes.length;
      for (let i = 0; i < world.playerIds.length; i++) {
        const xp = Math.floor(Math.pow(rng.next(), 2.5) * 2_000_000);
        const level = Math.floor(Math.sqrt(xp / 100)) + 1;
        const joined = world.playerJoinedMs[i]!;
        const settings = rng.chance(0.3)
          ? {}
          : { notifications: rng.chance(0.7), locale: rng.pick(LOCALES), compactProfile: rng.chance(0.2) };
        yield [
          world.playerIds[i]!,
          rng.chance(0.12) ? null : String(rng.int(1, classCount)),
          world.playerNames[i]!,
          bool(!rng.chance(0.04)),
          balanceFor(rng, i),
          String(xp),
          String(level),
          String(rng.chance(0.5) ? 0 : rng.skewed(180, 2)),
          json(settings),
          timestamp(joined),
          timestamp(joined + rng.next() * (world.anchorMs - joined)),
        ];
      }
    },
  };
}

function quantityFor(item: ItemDef, rng: Random): number {
  switch (item.type) {
    case 'MATERIAL':
      return 1 + rng.skewed(500);
    case 'CONSUMABLE':
      return rng.int(1, 20);
    case 'EQUIPMENT':
      return 1;
    case 'COLLECTIBLE':
      return rng.int(1, 3);
    case 'KEY':
      return rng.int(1, 5);
  }
}

/** Distinct sorted integers in [1, n]: k of them. */
export function sampleDistinct(rng: Random, n: number, k: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i + 1);
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(rng.int(1, n));
  return [...chosen].sort((a, b) => a - b);
}

/** A few item stacks per player, most hold little. */
export function inventoryRows(world: World): TableStream {
  const generate = function* (): Generator<Cell[]> {
    const rng = streamFor(world.seed, 'inventory');
    const itemCount = world.items.length;
    for (let i = 0; i < world.playerIds.length; i++) {
      const stacks = Math.min(itemCount, rng.skewed(9, 1.6));
      const userId = world.playerIds[i]!;
      for (const itemId of sampleDistinct(rng, itemCount, stacks)) {
        yield [userId, String(itemId), String(quantityFor(world.items[itemId - 1]!, rng))];
      }
    }
  };
  return { table: 'inventory', columns: ['user_id', 'item_id', 'quantity'], rows: generate };
}

const TIMERS: { type: string; key: string; spanMs: [number, number]; metadata: (rng: Random) => Record<string, unknown> }[] = [
  { type: 'COOLDOWN', key: 'daily', spanMs: [-20 * HOUR, 24 * HOUR], metadata: () => ({ duration: '24h' }) },
  { type: 'COOLDOWN', key: 'work', spanMs: [-2 * HOUR, HOUR], metadata: () => ({ duration: '1h' }) },
  { type: 'COOLDOWN', key: 'weekly', spanMs: [-3 * DAY, 7 * DAY], metadata: () => ({ duration: '7d' }) },
  { type: 'COOLDOWN', key: 'trade', spanMs: [-HOUR, 15 * 60_000], metadata: () => ({ duration: '15m' }) },
  { type: 'EFFECT', key: 'xp_boost', spanMs: [-2 * DAY, 6 * HOUR], metadata: (r) => ({ multiplier: r.pick([1.25, 1.5, 2]), source: 'item' }) },
  { type: 'EFFECT', key: 'luck_potion', spanMs: [-DAY, 3 * HOUR], metadata: (r) => ({ bonus: r.int(5, 25), duration: '3h' }) },
  { type: 'EFFECT', key: 'shield', spanMs: [-DAY, 12 * HOUR], metadata: () => ({ duration: '12h', blocks: 'rob' }) },
  { type: 'ACCESS', key: 'vip_lounge', spanMs: [-30 * DAY, 30 * DAY], metadata: (r) => ({ grantedBy: r.pick(['shop', 'event', 'staff']) }) },
  { type: 'ACCESS', key: 'event_pass', spanMs: [-10 * DAY, 20 * DAY], metadata: () => ({ event: 'Aurora Festival' }) },
];

export function timerRows(world: World): TableStream {
  const generate = function* (): Generator<Cell[]> {
    const rng = streamFor(world.seed, 'user_timers');
    for (let i = 0; i < world.playerIds.length; i++) {
      const userId = world.playerIds[i]!;
      const count = rng.skewed(4, 1.8);
      for (const index of sampleDistinct(rng, TIMERS.length, count)) {
        const timer = TIMERS[index - 1]!;
        const expires = world.anchorMs + timer.spanMs[0] + rng.next() * (timer.spanMs[1] - timer.spanMs[0]);
        yield [userId, timer.type, timer.key, timestamp(expires), json(timer.metadata(rng))];
      }
    }
  };
  return { table: 'user_timers', columns: ['user_id', 'type', 'key', 'expires_at', 'metadata'], rows: generate };
}
