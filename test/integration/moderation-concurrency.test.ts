/**
 * Moderators and the bot at the same time: keyset pages while another connection inserts,
 * case IDs from the desk and the bot in parallel (and forced collisions), and two moderators
 * racing to resolve or claim the same case.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CASE_ID_PATTERN, generateCaseId } from '../../src/main/features/moderation/case-id.js';
import { openCase } from '../../src/main/features/moderation/open-case.js';
import type { CaseSummary } from '../../src/shared/domain/moderation.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices, testStaff, testWrite } from '../fixtures/services.js';
import { DRIFTER, NYX, OTHER_MOD } from '../fixtures/moderation-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

type Run = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

describeOnBothDrivers('moderation under concurrency', (current, driver) => {
  /** The bot's connection: a separate pool on PostgreSQL; PGlite has only the one. */
  let bot: Run;
  let botPool: pg.Pool | undefined;
  beforeAll(() => {
    if (driver === 'postgres') {
      botPool = new pg.Pool({ connectionString: current().url, max: 3 });
      // pg-pool re-emits an idle client's connection error on the pool, and an 'error' event with
      // no listener would crash the test process outside any test. The bot's queries still reject
      // on their own; the pool drops the dead client and the next query reconnects.
      botPool.on('error', (error) => console.warn(`[moderation concurrency] the bot's idle connection failed: ${error.message}`));
      bot = (text, params) => botPool!.query(text, params);
    } else {
      bot = (text, params) => current().database.query(text, params);
    }
  });
  afterAll(async () => {
    await botPool?.end();
  });

  const me = () => callerFor(createTestServices(current().database));
  const orin = () => callerFor(createTestServices(current().database, { identity: OTHER_MOD }));
  let botSeq = 0;
  const botInsert = (createdAt: string | null, type = 'warn') =>
    bot(
      `INSERT INTO moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, active, created_at)
       VALUES ($1, $2, $3::bigint, 'nyx', 1300000000000000001, 'Vega', 'bot case', true, coalesce($4::timestamp, now()))`,
      [`A-${String(++botSeq).padStart(6, '0')}`, type, NYX.toString(), createdAt],
    );

  it('pages every existing case exactly once while another connection inserts', async () => {
    // 240 cases over 120 distinct instants: every instant shared by two rows (ties on created_at).
    await bot(
      `INSERT INTO moderation_cases (case_id, type, user_id, moderator_id, reason, active, created_at)
       SELECT 'SEED-' || g, (ARRAY['warn','ban','timeout','note'])[1 + g % 4], ${NYX}, 1300000000000000001, 'seeded ' || g,
              g % 3 <> 0, timestamp '2025-06-01 12:00:00.000001' + ((g / 2) * interval '1 minute')
         FROM generate_series(1, 240) AS g`,
    );
    const { rows } = await current().database.query<{ id: string; active: boolean }>(`SELECT id, active FROM moderation_cases WHERE case_id LIKE 'SEED-%'`);
    for (const queue of ['recent', 'active'] as const) {
      const expected = new Set(rows.filter((r) => queue === 'recent' || r.active).map((r) => r.id));
      const seen: string[] = [];
      let cursor: string | null = null;
      let page = 0;
      let stopped = false;
      // Background inserts on the bot's connection, plus three deterministic ones per page:
      // newer than everything, inside the pages already read, and inside the pages still to come.
      const background = (async () => {
        while (!stopped) {
          await botInsert(null);
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      try {
        do {
          const result: { cases: CaseSummary[]; nextCursor: string | null } = await me().moderation.list({ queue, cursor, limit: 7 });
          seen.push(...result.cases.map((c) => c.id.toString()));
          cursor = result.nextCursor;
          page += 1;
          await botInsert(null);
          await botInsert('2025-06-01 13:59:00.000001');
          await botInsert(`2025-06-01 11:00:${String(page % 60).padStart(2, '0')}.${String(page).padStart(6, '0')}`);
        } while (cursor && page < 500);
      } finally {
        // Whatever happened above, the bot stops writing before the test ends (and its failure,
        // if any, is this test's failure rather than a rejection nobody awaits).
        stopped = true;
        await background;
      }
      expect(new Set(seen).size, 'no case twice').toBe(seen.length);
      const missing = [...expected].filter((id) => !seen.includes(id));
      expect(missing, 'no existing case dropped').toEqual([]);
      await bot(`DELETE FROM moderation_cases WHERE case_id LIKE 'A-%'`);
    }
  });

  it('keeps case_id unique when the desk and the bot create cases in parallel', async () => {
    const desk = Array.from({ length: 30 }, (_, i) =>
      me().moderation.open({ type: i % 2 ? 'warn' : 'note', userId: DRIFTER.toString(), reason: `desk ${i}` }),
    );
    const botWrites = Array.from({ length: 30 }, () => botInsert(null, 'timeout'));
    // Both sides settle before anything is judged: no write left running or rejected unawaited.
    const [opened] = await Promise.all([Promise.all(desk), Promise.all(botWrites)]);
    const ids = opened.map((o) => o.summary.caseId);
    expect(ids.every((id) => CASE_ID_PATTERN.test(id ?? ''))).toBe(true);
    const { rows } = await current().database.query<{ n: string; distinct_n: string }>(
      `SELECT count(*) AS n, count(DISTINCT case_id) AS distinct_n FROM moderation_cases WHERE case_id LIKE 'D-%' OR case_id LIKE 'A-%'`,
    );
    expect(rows[0]).toEqual({ n: '60', distinct_n: '60' });
  });

  it('draws a new case ID when one is taken, and gives up clearly after five', async () => {
    await botInsert(null);
    const taken = `A-${String(botSeq).padStart(6, '0')}`;
    const fresh = generateCaseId();
    const sequence = [taken, taken, fresh];
    const discord = createTestServices(current().database, { discord: null });
    const request = { type: 'warn', userId: NYX, carryOutOnDiscord: false, deleteMessageSeconds: 0 };
    const result = await openCase(testWrite(current().database), request, discord, { generateCaseId: () => sequence.shift()! });
    expect(result.summary.caseId).toBe(fresh);
    const before = await current().database.query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases');
    const error = await openCase(testWrite(current().database), request, discord, { generateCaseId: () => taken }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/free case ID after 5 attempts/) });
    const after = await current().database.query<{ n: string }>('SELECT count(*) AS n FROM moderation_cases');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('lets exactly one of two moderators resolve (or claim) the same case', async () => {
    for (const action of ['resolve', 'claim'] as const) {
      const opened = await me().moderation.open({ type: 'warn', userId: NYX.toString(), reason: `race ${action}` });
      const seen = opened.summary.seen;
      const run = (caller: ReturnType<typeof me>) =>
        action === 'resolve' ? caller.moderation.resolve({ id: opened.summary.id, expected: seen, reason: 'race' }) : caller.moderation.claim({ id: opened.summary.id, expected: seen });
      const results = await Promise.allSettled([run(me()), run(orin())]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const error = await rejectionOf(Promise.reject(lost[0]!.reason));
      expect(error.code).toBe('CONFLICT');
      const winner = (won[0] as PromiseFulfilledResult<{ summary: CaseSummary }>).value.summary;
      const winnerName = action === 'resolve' ? (winner.resolvedBy === testStaff.id ? testStaff.name : OTHER_MOD.name) : winner.claim!.by.name!;
      expect(error.message).toContain(winnerName);
    }
  });
});
