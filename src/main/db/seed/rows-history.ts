/** Rows for what players did over time: currency and item transactions, quest progress, lootdrops. */
import * as words from './lexicon.js';
import { streamFor, type Random } from './random.js';
import type { Cell, TableStream } from './rows.js';
import { sampleDistinct } from './rows-world.js';
import { pickPlayer, snowflakeAt, timestamp, type World } from './world.js';

const MINUTE = 60_000;

/** The moment of the i-th of n events, evenly through the bot's history with a little jitter. */
function momentOf(world: World, i: number, n: number, rng: Random): number {
  return world.startMs + ((i + rng.next()) / n) * (world.anchorMs - world.startMs);
}

/** A player who had already joined at `ms` (a few tries; early on few had). */
function playerAt(world: World, rng: Random, ms: number): number {
  let index = pickPlayer(world, rng);
  for (let tries = 0; tries < 4 && world.playerJoinedMs[index]! > ms; tries++) index = pickPlayer(world, rng);
  return index;
}

function otherPlayer(world: World, rng: Random, not: number): number {
  const n = world.playerIds.length;
  if (n < 2) return not;
  const index = rng.int(0, n - 2);
  return index >= not ? index + 1 : index;
}

const JOBS = ['blacksmith', 'courier', 'tavern keeper', 'miner', 'herbalist', 'scribe', 'guard', 'fisher'];
const TX_TYPES = ['DAILY', 'WORK', 'SHOP_BUY', 'SHOP_SELL', 'TRANSFER', 'QUEST_REWARD', 'LOOTDROP_CLAIM', 'GAMBLE', 'ADMIN_ADJUST', 'CLASS_DONATION'] as const;
const TX_WEIGHTS = [22, 20, 14, 5, 9, 8, 8, 11, 1, 2];

export function transactionRows(world: World): TableStream {
  return {
    table: 'transactions',
    columns: ['id', 'user_id', 'related_user_id', 'amount', 'type', 'description', 'created_at'],
    *rows() {
      if (world.playerIds.length === 0) return;
      const rng = streamFor(world.seed, 'transactions');
      const n = world.counts.transactions;
      for (let id = 1; id <= n; id++) {
        const ms = momentOf(world, id - 1, n, rng);
        const at = timestamp(ms);
        const who = playerAt(world, rng, ms);
        const user = world.playerIds[who]!;
        const type = rng.weighted(TX_TYPES, TX_WEIGHTS);
        if (type === 'TRANSFER' && id < n && world.playerIds.length > 1) {
          // A transfer is two rows, one per side, written together by the bot.
          const to = otherPlayer(world, rng, who);
          const amount = 10 * (1 + rng.skewed(5000));
          yield [String(id), user, world.playerIds[to]!, String(-amount), 'TRANSFER_OUT', `Sent ${amount} coins to ${world.playerNames[to]}`, at];
          id++;
          yield [String(id), world.playerIds[to]!, user, String(amount), 'TRANSFER_IN', `Received ${amount} coins from ${world.playerNames[who]}`, at];
          continue;
        }
        const item = rng.pick(world.items);
        let amount: number;
        let description: string;
        switch (type) {
          case 'DAILY': {
            const streak = rng.int(1, 60);
            amount = 100 + Math.min(streak, 30) * 10;
            description = `Daily reward (streak ${streak})`;
            break;
          }
          case 'WORK':
            amount = rng.int(50, 300);
            description = `Worked a shift as ${rng.pick(JOBS)}`;
            break;
          case 'SHOP_BUY':
            amount = -(item.price ?? 100);
            description = `Bought ${item.name}`;
            break;
          case 'SHOP_SELL':
            amount = Math.floor((item.price ?? 100) / 2);
            description = `Sold ${item.name}`;
            break;
          case 'QUEST_REWARD': {
            const quest = world.quests.length ? rng.pick(world.quests) : undefined;
            amount = quest ? Number(quest.rewards.currency) : 250;
            description = quest ? `Quest reward: ${quest.name}` : 'Quest reward';
            break;
          }
          case 'LOOTDROP_CLAIM':
            amount = 50 + rng.skewed(2000);
            description = `Claimed a lootdrop in #${rng.pick(words.CHANNEL_NAMES)}`;
            break;
          case 'GAMBLE': {
            const stake = 10 * rng.int(1, 100);
            const won = rng.chance(0.47);
            amount = won ? stake : -stake;
            description = `${rng.pick(['Coinflip', 'Slots', 'Dice'])}: ${won ? 'won' : 'lost'} ${stake}`;
            break;
          }
          case 'ADMIN_ADJUST':
            amount = rng.pick([500, 1000, -250, 2500]);
            description = rng.pick(['Compensation for the shop outage', 'Event prize', 'Refund for a bugged quest', 'Correction after exploit']);
            break;
          default:
            amount = -10 * rng.int(1, 200);
            description = `Donation to the ${rng.pick(world.classes).name} bank`;
        }
        yield [String(id), user, null, String(amount), type, description, at];
      }
    },
  };
}

const ITX_TYPES = ['SHOP_BUY', 'SHOP_SELL', 'TRADE', 'DROP', 'QUEST_REWARD', 'USE', 'CRAFT'] as const;
const ITX_WEIGHTS = [22, 8, 12, 25, 10, 15, 8];

export function itemTransactionRows(world: World): TableStream {
  return {
    table: 'item_transactions',
    columns: ['id', 'user_id', 'related_user_id', 'item_id', 'quantity', 'type', 'description', 'created_at'],
    *rows() {
      if (world.playerIds.length === 0 || world.items.length === 0) return;
      const rng = streamFor(world.seed, 'item_transactions');
      const n = world.counts.itemTransactions;
      for (let id = 1; id <= n; id++) {
        const ms = momentOf(world, id - 1, n, rng);
        const at = timestamp(ms);
        const who = playerAt(world, rng, ms);
        const user = world.playerIds[who]!;
        const item = rng.pick(world.items);
        const type = rng.weighted(ITX_TYPES, ITX_WEIGHTS);
        const itemId = String(item.id);
        if (type === 'TRADE' && id < n && world.playerIds.length > 1) {
          const to = otherPlayer(world, rng, who);
          const q = rng.int(1, item.type === 'MATERIAL' ? 50 : 3);
          yield [String(id), user, world.playerIds[to]!, itemId, String(-q), 'TRADE', `Traded ${q}x ${item.name} to ${world.playerNames[to]}`, at];
          id++;
          yield [String(id), world.playerIds[to]!, user, itemId, String(q), 'TRADE', `Received ${q}x ${item.name} from ${world.playerNames[who]}`, at];
          continue;
        }
        let quantity: number;
        let description: string;
        switch (type) {
          case 'SHOP_BUY':
            quantity = rng.int(1, 5);
            description = `Bought ${quantity}x ${item.name} from the shop`;
            break;
          case 'SHOP_SELL':
            quantity = -rng.int(1, 5);
            description = `Sold ${-quantity}x ${item.name} to the shop`;
            break;
          case 'DROP':
            quantity = rng.int(1, 3);
            description = `Found ${item.name} in a lootdrop`;
            break;
          case 'QUEST_REWARD':
            quantity = rng.int(1, 3);
            description = `Quest reward: ${item.name}`;
            break;
          case 'USE':
            quantity = -1;
            description = `Used ${item.name}`;
            break;
          default:
            quantity = -rng.int(2, 10);
            description = `Crafting consumed ${-quantity}x ${item.name}`;
        }
        yield [String(id), user, null, itemId, String(quantity), type, description, at];
      }
    },
  };
}

/** Spreads `total` progress rows over the players (skewed, capped by the quest count). */
function progressPerPlayer(world: World, rng: Random): Uint16Array {
  const players = world.playerIds.length;
  const quests = world.quests.length;
  const counts = new Uint16Array(players);
  const total = Math.min(world.counts.questProgress, players * quests);
  if (total === 0) return counts;
  const weights = new Float64Array(players);
  let sum = 0;
  for (let i = 0; i < players; i++) sum += weights[i] = 0.05 + Math.pow(rng.next(), 2);
  let placed = 0;
  for (let i = 0; i < players; i++) {
    counts[i] = Math.min(quests, Math.floor((weights[i]! / sum) * total));
    placed += counts[i]!;
  }
  for (let i = 0; placed < total; i = (i + 1) % players) {
    if (counts[i]! < quests) {
      counts[i]!++;
      placed++;
    }
  }
  return counts;
}

export function questProgressRows(world: World): TableStream {
  return {
    table: 'user_quests',
    columns: ['user_id', 'quest_id', 'progress', 'completed_at'],
    *rows() {
      const rng = streamFor(world.seed, 'user_quests');
      const counts = progressPerPlayer(world, rng);
      for (let i = 0; i < counts.length; i++) {
        const joined = world.playerJoinedMs[i]!;
        for (const questId of sampleDistinct(rng, world.quests.length, counts[i]!)) {
          const target = world.quests[questId - 1]!.target;
          if (rng.chance(0.35)) {
            yield [world.playerIds[i]!, String(questId), String(target), timestamp(joined + rng.next() * (world.anchorMs - joined))];
          } else {
            yield [world.playerIds[i]!, String(questId), String(rng.int(0, Math.max(0, target - 1))), null];
          }
        }
      }
    },
  };
}

export function lootdropRows(world: World): TableStream {
  return {
    table: 'lootdrops',
    columns: ['message_id', 'channel_id', 'reward_amount', 'currency', 'claimed_by', 'created_at', 'expires_at'],
    *rows() {
      const rng = streamFor(world.seed, 'lootdrops');
      const n = world.counts.lootdrops;
      // The newest ~2% are still up at the anchor; older ones were claimed or despawned.
      const live = n === 0 ? 0 : Math.max(1, Math.round(n * 0.02));
      let previous = 0;
      for (let i = 0; i < n; i++) {
        const isLive = i >= n - live;
        let created = isLive
          ? world.anchorMs - 50 * MINUTE + ((i - (n - live) + rng.next()) / live) * 45 * MINUTE
          : world.startMs + ((i + rng.next()) / (n - live)) * (world.anchorMs - 60 * MINUTE - world.startMs);
        created = Math.max(Math.floor(created), previous + 1); // distinct ms: message IDs stay unique
        previous = created;
        const claimed = !isLive && world.playerIds.length > 0 && rng.chance(0.85);
        const channel = rng.chance(0.6) ? world.channels[2]! : rng.pick(world.channels);
        const currency = rng.weighted(words.CURRENCIES, [80, 15, 5]);
        const amount = currency === 'COINS' ? 50 + rng.skewed(4950) : 1 + rng.skewed(50);
        const expires: Cell = isLive
          ? timestamp(world.anchorMs + rng.int(5, 30) * MINUTE)
          : claimed && rng.chance(0.1)
            ? null // spawned without a despawn time
            : timestamp(created + rng.int(5, 60) * MINUTE);
        yield [
          snowflakeAt(created, rng).toString(),
          channel,
          String(amount),
          currency,
          claimed ? world.playerIds[playerAt(world, rng, created)]! : null,
          timestamp(created),
          expires,
        ];
      }
    },
  };
}
