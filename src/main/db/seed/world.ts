/**
 * The small, in-memory part of a seeded world: classes, items, quests, the roster of players,
 * moderators and channels. The big tables (cases, transactions, progress...) are streamed from
 * it by the generators in rows-*.ts, so a million-row seed never holds a million rows at once.
 */
import { DISCORD_EPOCH_MS } from '@shared/identity.js';
import * as words from './lexicon.js';
import { streamFor, type Random } from './random.js';

/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from here. */
const DAY = 86_400_000;

export interface SeedCounts {
  users: number;
  cases: number;
  transactions: number;
  itemTransactions: number;
  quests: number;
  questProgress: number;
  lootdrops: number;
  items: number;
}

export interface ClassDef {
  id: number;
  name: string;
  roleId: string;
  balance: string;
}

export interface ItemDef {
  id: number;
  name: string;
  type: (typeof words.ITEM_TYPES)[number];
  rarity: (typeof words.RARITIES)[number];
  price: number | null;
  description: string;
  usageData: Record<string, unknown>;
  slug: string;
}

export interface QuestDef {
  id: number;
  name: string;
  description: string;
  trigger: (typeof words.TRIGGER_EVENTS)[number];
  target: number;
  requirements: Record<string, unknown>;
  rewards: Record<string, unknown>;
}

export interface Person {
  id: string;
  name: string;
}

export interface World {
  seed: string;
  counts: SeedCounts;
  /** The dataset's "now": history lies before it, active timers and drops run past it. */
  anchorMs: number;
  /** The bot's launch: two years of history before the anchor. */
  startMs: number;
  classes: ClassDef[];
  items: ItemDef[];
  quests: QuestDef[];
  /** Players sorted by snowflake (oldest Discord account first). */
  playerIds: string[];
  playerNames: string[];
  playerJoinedMs: Float64Array;
  moderators: Person[];
  automod: Person;
  channels: string[];
}

/** A snowflake for a moment: the timestamp in the high bits, random worker/increment bits below. */
export function snowflakeAt(ms: number, rng: Random): bigint {
  return (BigInt(Math.floor(ms) - DISCORD_EPOCH_MS) << 22n) | rng.lowBits();
}

const dayPrefixes = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const pad3 = (n: number) => (n < 10 ? '00' : n < 100 ? '0' : '') + n;

/**
 * 'YYYY-MM-DDTHH:MM:SS.mmm' (UTC, no zone: the bot's columns are timestamp without time zone).
 * Same text as toISOString().slice(0, 23), built from a per-day prefix: the seed formats
 * millions of these and a Date per call was the generators' biggest cost.
 */
export function timestamp(ms: number): string {
  const t = Math.floor(ms);
  const day = Math.floor(t / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = t - day * DAY;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(rest - seconds * 1000)}`;
}

export function playerName(rng: Random): string {
  const base = rng.pick(words.NAME_STARTS) + rng.pick(words.NAME_ENDS);
  const suffix = rng.pick(words.NAME_SUFFIXES);
  return rng.chance(0.45) ? `${base}${suffix}${rng.int(1, 9999)}` : `${base}${suffix}`;
}

function buildClasses(rng: Random, anchorMs: number): ClassDef[] {
  return words.CLASS_NAMES.map((name, i) => ({
    id: i + 1,
    name,
    roleId: snowflakeAt(anchorMs - rng.int(400, 900) * DAY, rng).toString(),
    balance: String(rng.int(5_000, 2_500_000)),
  }));
}

function usageDataFor(type: ItemDef['type'], rarityIndex: number, rng: Random, itemCount: number): Record<string, unknown> {
  switch (type) {
    case 'MATERIAL':
      return { stackable: true, maxStack: 999, craftingTier: rarityIndex + 1 };
    case 'CONSUMABLE':
      return rng.chance(0.5)
        ? { consume: true, effects: [{ type: 'XP_BOOST', multiplier: 1 + (rarityIndex + 1) / 4, durationSeconds: 1800 * (rarityIndex + 1) }] }
        : { consume: true, effects: [{ type: 'ADD_BALANCE', amount: String(100 * (rarityIndex + 1) ** 2) }] };
    case 'EQUIPMENT':
      return { slot: rng.pick(words.EQUIPMENT_SLOTS), stats: { attack: rng.int(1, 10) * (rarityIndex + 1), defense: rng.int(0, 8) * (rarityIndex + 1) } };
    case 'COLLECTIBLE':
      return { set: rng.pick(words.COLLECTION_SETS), number: rng.int(1, 24), tradeable: rng.chance(0.8) };
    case 'KEY':
      return {
        opens: rng.pick(['lootbox', 'vault', 'raid_chest']),
        lootTable: [1, 2, 3].map(() => ({ itemId: rng.int(1, itemCount), weight: rng.int(5, 60) })),
      };
  }
}

function buildItems(rng: Random, count: number): ItemDef[] {
  const items: ItemDef[] = [];
  const used = new Set<string>();
  for (let id = 1; id <= count; id++) {
    // The first 25 cover every type x rarity pair; after that types and rarities are drawn.
    const combo = id - 1;
    const type = combo < 25 ? words.ITEM_TYPES[combo % 5]! : rng.pick(words.ITEM_TYPES);
    const rarityIndex = combo < 25 ? Math.floor(combo / 5) : words.RARITIES.indexOf(rng.weighted(words.RARITIES, words.RARITY_WEIGHTS));
    let name = '';
    for (let attempt = 0; !name || used.has(name); attempt++) {
      name = `${rng.pick(words.ITEM_ADJECTIVES)} ${rng.pick(words.ITEM_NOUNS[type])}${attempt > 20 ? ` ${id}` : ''}`;
    }
    used.add(name);
    const rarity = words.RARITIES[rarityIndex]!;
    const questOnly = type === 'KEY' && rng.chance(0.4);
    items.push({
      id,
      name,
      type,
      rarity,
      price: questOnly ? null : Math.round(words.RARITY_PRICE[rarityIndex]! * (0.6 + rng.next() * 0.8)),
      description: `A ${rarity.toLowerCase()} ${type.toLowerCase()} found across Aurora.${questOnly ? ' Cannot be bought.' : ''}`,
      usageData: usageDataFor(type, rarityIndex, rng, count),
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    });
  }
  return items;
}

function buildQuests(rng: Random, count: number, items: ItemDef[]): QuestDef[] {
  const quests: QuestDef[] = [];
  for (let id = 1; id <= count; id++) {
    const trigger = rng.pick(words.TRIGGER_EVENTS);
    const target = trigger === 'LEVEL_UP' ? rng.int(5, 60) : rng.pick([1, 3, 5, 10, 10, 20, 25, 50, 100]);
    const item = rng.pick(items);
    const filters: Record<string, unknown> = {};
    if (trigger === 'ITEM_COLLECTED' || trigger === 'ITEM_USED') filters.itemId = item.id;
    if (trigger === 'MESSAGE_SENT' && rng.chance(0.5)) filters.channel = rng.pick(words.CHANNEL_NAMES);
    if (trigger === 'SHOP_PURCHASE' && rng.chance(0.5)) filters.rarity = item.rarity;
    const rewards: Record<string, unknown> = { currency: String(rng.int(1, 40) * 25), xp: rng.int(1, 30) * 10 };
    if (rng.chance(0.45)) rewards.items = [{ itemId: rng.pick(items).id, quantity: rng.int(1, 3) }];
    const title = `${rng.pick(words.QUEST_TITLES_A)} ${rng.pick(words.QUEST_TITLES_B)} ${rng.pick(words.QUEST_TITLES_C)}`;
    quests.push({
      id,
      name: count > 200 ? `${title} ${romanNumeral(1 + (id % 12))}` : title,
      description: words.QUEST_VERBS[trigger].replace('{n}', String(target)).replace('{item}', item.name) + '.',
      trigger,
      target,
      requirements: { target, filters },
      rewards,
    });
  }
  return quests;
}

function romanNumeral(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][n - 1] ?? String(n);
}

function buildPlayers(rng: Random, count: number, startMs: number, anchorMs: number) {
  // Discord accounts from early 2015 up to a month before the anchor; sorted so IDs ascend with age.
  const accountMs = new Float64Array(count);
  const oldest = Date.UTC(2015, 2, 1); // from 2015: the oldest accounts have 17-digit IDs
  for (let i = 0; i < count; i++) accountMs[i] = Math.floor(oldest + Math.pow(rng.next(), 0.8) * (anchorMs - 30 * DAY - oldest));
  accountMs.sort();
  const ids: string[] = new Array<string>(count);
  const names: string[] = new Array<string>(count);
  const joined = new Float64Array(count);
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const ms = Math.max(accountMs[i]!, previous + 1); // distinct milliseconds keep IDs unique and ascending
    previous = ms;
    ids[i] = snowflakeAt(ms, rng).toString();
    names[i] = playerName(rng);
    const earliest = Math.max(ms + DAY, startMs);
    joined[i] = Math.floor(earliest + rng.next() * (anchorMs - DAY - earliest));
  }
  return { ids, names, joined };
}

export function buildWorld(seed: string, counts: SeedCounts, anchorMs: number): World {
  const rng = streamFor(seed, 'world');
  const startMs = anchorMs - 730 * DAY;
  const items = buildItems(rng, counts.items);
  const players = buildPlayers(streamFor(seed, 'players'), counts.users, startMs, anchorMs);
  // A few moderators play too (their cases link to a profile); the rest are staff-only accounts.
  const moderators = words.MODERATOR_NAMES.map((name, i) => {
    const isPlayer = i < 5 && counts.users > 20;
    const id = isPlayer ? players.ids[Math.floor(((i + 1) * counts.users) / 7)]! : snowflakeAt(startMs - rng.int(30, 900) * DAY, rng).toString();
    return { id, name };
  });
  return {
    seed,
    counts,
    anchorMs,
    startMs,
    classes: buildClasses(rng, anchorMs),
    items,
    quests: buildQuests(rng, counts.quests, items),
    playerIds: players.ids,
    playerNames: players.names,
    playerJoinedMs: players.joined,
    moderators,
    automod: { id: snowflakeAt(startMs - 10 * DAY, rng).toString(), name: words.AUTOMOD_NAME },
    channels: words.CHANNEL_NAMES.map(() => snowflakeAt(startMs - rng.int(1, 200) * DAY, rng).toString()),
  };
}

/** Picks a player, favouring the long-standing regulars (low indexes) the way real activity does. */
export function pickPlayer(world: World, rng: Random): number {
  return Math.floor(Math.pow(rng.next(), 1.4) * world.playerIds.length);
}
