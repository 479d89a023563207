/**
 * What the screens bench changed for scale, on both drivers: the board's bounded "recently
 * claimed" list gives the same order as sorting every claimed drop; the economy overview says
 * when its whole-table figures are reused; the quest list's remembered classification follows a
 * row the bot changes; migration 0008's objects are there; the bench's recorder sees every
 * statement a call sends, in the order it waited for them.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetEconomyFigures, getEconomyOverview, WHOLE_TABLE_TTL_MS } from '../../src/main/features/players/economy.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { CHANNEL_LOOTDROPS } from '../fixtures/fake-discord-lootdrops.js';
import { pgliteReplayer, pgReplayer, recordStatements } from '../bench/replay.js';
import { clearLootdrops, EMBER, insertDrop, insertPlayer, NYX } from '../fixtures/lootdrops-world.js';

const MIN = 60_000;
const dropId = (n: number) => `15000000000000${String(n).padStart(5, '0')}`;

describeOnBothDrivers('screens at scale', (current) => {
  const caller = () => callerFor(createTestServices(current().database));
  const db = () => current().database;

  beforeAll(async () => {
    await insertPlayer(current().database, NYX, 'nyx');
    await insertPlayer(current().database, EMBER, 'ember');
  });

  describe('the board', () => {
    beforeEach(async () => clearLootdrops(current().database));

    it('lists the latest claims in the order a full sort gives, known claim times or not', async () => {
      const now = Date.now();
      // [drop, created minutes ago, claim recorded minutes ago (null: none), claimed?]
      const drops: [number, number, number | null, boolean][] = [
        [1, 60, 1, true], // old drop, claimed a minute ago: first
        [2, 5, null, true], // no recorded time: ranks by creation
        [3, 50, 10, true],
        [4, 3, 30, true], // recorded before it was created (another clock): counts as its creation
        [5, 2, 2, false], // a claim note, but the bot shows it unclaimed: not listed
        [6, 8, null, true],
        [7, 9, null, true],
        [8, 40, 20, true],
        [9, 12, null, true],
        [10, 12, null, true], // same creation as 9: the higher message id first
      ];
      for (const [n, createdAgo, claimAgo, claimed] of drops) {
        await insertDrop(current().database, {
          messageId: dropId(n),
          channelId: CHANNEL_LOOTDROPS,
          createdAt: new Date(now - createdAgo * MIN),
          expiresAt: new Date(now + 60 * MIN),
          claimedBy: claimed ? NYX : null,
        });
        if (claimAgo !== null) {
          await current().database.query(
            `INSERT INTO aurora_desk.lootdrop_claims (message_id, claimed_by, claimed_at) VALUES ($1, $2::bigint, $3::timestamptz)`,
            [dropId(n), String(NYX), new Date(now - claimAgo * MIN).toISOString()],
          );
        }
      }
      const expected = drops
        .filter(([, , , claimed]) => claimed)
        .map(([n, createdAgo, claimAgo]) => ({ id: dropId(n), key: Math.min(createdAgo, claimAgo ?? createdAgo) }))
        .sort((a, b) => a.key - b.key || (a.id < b.id ? 1 : -1))
        .map((d) => d.id);
      expect(expected.slice(0, 4)).toEqual([dropId(1), dropId(4), dropId(2), dropId(6)]);
      for (const recent of [1, 2, 3, 5, 8, 9, 20]) {
        const board = await caller().lootdrops.board({ recent });
        expect(board.claimed.map((d) => d.messageId), `recent ${recent}`).toEqual(expected.slice(0, recent));
      }
      const board = await caller().lootdrops.board({ recent: 30 });
      expect(board.claimed.find((d) => d.messageId === dropId(1))).toMatchObject({ claimerName: 'nyx', claimedBy: NYX });
      expect(board.active.map((d) => d.messageId)).toEqual([dropId(5)]);
    });
  });

  describe('the economy overview', () => {
    const input = { days: 30, topHolders: 10 };

    beforeAll(async () => {
      await current().database.query(`UPDATE users SET balance = 700 WHERE id = $1::bigint`, [String(NYX)]);
      await current().database.query(`UPDATE users SET balance = 300 WHERE id = $1::bigint`, [String(EMBER)]);
    });
    beforeEach(() => forgetEconomyFigures(db()));

    it('sums everything for each answer on a small database, and says so', async () => {
      const first = await caller().economy.overview(input);
      expect(first).toMatchObject({ basis: 'exact', circulation: 1000n, players: 2 });
      const second = await caller().economy.overview(input);
      expect(second.basis).toBe('exact');
      expect(second.asOf.getTime()).toBeGreaterThanOrEqual(first.asOf.getTime());
    });

    it('on a large database reuses the whole-table figures for a while, says since when, and sums again after', async () => {
      const large = { largeRows: 0 };
      const first = await getEconomyOverview(db(), input, large);
      expect(first).toMatchObject({ basis: 'exact', circulation: 1000n });
      await current().database.query(`UPDATE users SET balance = balance + 5 WHERE id = $1::bigint`, [String(NYX)]);

      const reused = await getEconomyOverview(db(), input, large);
      expect(reused.basis).toBe('cached');
      expect(reused.asOf).toEqual(first.asOf);
      expect(reused.circulation).toBe(1000n);
      expect(reused.topHolders).toEqual(first.topHolders);

      // The reuse window is timed by the desk's clock: move it past the window.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + WHOLE_TABLE_TTL_MS + 1 });
      try {
        const later = await getEconomyOverview(db(), input, large);
        expect(later).toMatchObject({ basis: 'exact', circulation: 1005n });
      } finally {
        vi.useRealTimers();
      }

      forgetEconomyFigures(db());
      expect(await getEconomyOverview(db(), { days: 7, topHolders: 10 }, large)).toMatchObject({ basis: 'exact', days: 7 });
    });

    it('sums afresh after a desk grant, instead of showing the figures from before it', async () => {
      const large = { largeRows: 0 };
      const before = await getEconomyOverview(db(), input, large);
      expect(before.basis).toBe('exact');
      expect((await getEconomyOverview(db(), input, large)).basis).toBe('cached');
      const staff = callerFor(createTestServices(current().database, { identity: testStaff }));
      await staff.players.grantCurrency({ playerId: EMBER, amount: 7n, reason: 'Event prize' });
      const after = await getEconomyOverview(db(), input, large);
      expect(after.basis).toBe('exact');
      expect(after.circulation).toBe(before.circulation + 7n);
    });
  });

  describe('the quest list', () => {
    it('classifies a row again once the bot changes it', async () => {
      const { rows } = await current().database.query<{ id: number }>(
        `INSERT INTO quests (name, description, trigger_event, requirements, rewards)
         VALUES ('Lantern Watch', 'Keep the lanterns lit.', 'MESSAGE_SENT', '{"target": 3}', '{"xp": 10}') RETURNING id`,
      );
      const id = Number(rows[0]!.id);
      const listed = async () => (await caller().quests.list({ limit: 100 })).quests.find((q) => q.id === id)!;
      const before = await listed();
      expect(before).toMatchObject({ name: 'Lantern Watch', shape: 'valid' });
      expect(await listed()).toEqual(before);

      await current().database.query(`UPDATE quests SET requirements = '{"goal": "three"}' WHERE id = $1`, [id]);
      const after = await listed();
      expect(after.shape).toBe('foreign');
      expect(after.version).not.toBe(before.version);
      expect(after.requirementsJson).toBe('{"goal": "three"}');
    });
  });

  describe('migration 0008', () => {
    it('indexes recorded claims by time and keeps per-day statistics on transactions', async () => {
      const index = await current().database.query<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = 'aurora_desk' AND indexname = 'aurora_desk_lootdrop_claims_recent'`,
      );
      expect(index.rows).toHaveLength(1);
      const setup = await current().database.query<{ outcome: string }>(`SELECT outcome FROM aurora_desk.index_setup WHERE name = 'aurora_desk_transactions_day'`);
      expect(setup.rows.map((r) => r.outcome)).toEqual(['created']);
      const statistics = await current().database.query<{ stxname: string }>(`SELECT stxname FROM pg_statistic_ext WHERE stxname = 'aurora_desk_transactions_day'`);
      expect(statistics.rows).toHaveLength(1);
    });
  });

  describe("the bench's statement recorder", () => {
    it('records each statement, what it waited for, and a transaction as one unit, and replays them', async () => {
      const { database } = current();
      const recording = await recordStatements(database, async () => {
        await Promise.all([database.query('SELECT 1 AS a'), database.query('SELECT $1::int AS b', [2])]);
        await database.query('SELECT 3 AS c');
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`SELECT 4 AS d`);
        });
      });
      expect(recording).toMatchObject({ statements: 6, transactions: 1, steps: 3 });
      const texts = recording.units.map(({ unit }) => (unit.kind === 'statement' ? unit.statement.text : unit.statements.map((s) => s.text).join(' | ')));
      expect(texts.slice(0, 3)).toEqual(['SELECT 1 AS a', 'SELECT $1::int AS b', 'SELECT 3 AS c']);
      expect(texts[3]).toMatch(/^begin \| SELECT 4 AS d \| commit$/i);
      expect(recording.units.map((u) => u.after)).toEqual([[], [], [0, 1], [2]]);
      expect(recording.units[1]!.unit).toMatchObject({ kind: 'statement', statement: { values: [2] } });

      const scratch = current();
      const replayer = scratch.url ? pgReplayer(scratch.url, 2) : pgliteReplayer(database.pglite!);
      try {
        await replayer.replay(recording);
      } finally {
        await replayer.close();
      }
    });
  });
});
