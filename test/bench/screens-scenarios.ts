/**
 * What each screen reads when it opens, as router calls: the subjects (a case whose target has
 * many cases, a busy player, a popular quest, search terms) are picked from the data itself, so
 * the same list runs on the scale database and on a smaller scratch one.
 */
import type { AuroraDatabase } from '../../src/main/core/database.js';
import { forgetEconomyFigures } from '../../src/main/features/players/economy.js';
import type { callerFor } from '../fixtures/services.js';

type Caller = ReturnType<typeof callerFor>;

export interface ScreenScenario {
  /** Screen: procedure (what), as the table prints it. */
  name: string;
  call: () => Promise<unknown>;
}

export interface ScreenSubjects {
  caseId: bigint;
  caseTarget: { userId: bigint; cases: number };
  player: { id: bigint; transactions: number };
  quest: { id: number; players: number };
  /** Two letters: below the trigram threshold, the name index is walked in order. */
  shortQuery: string;
  /** A fragment most names do not have, and one a tenth of them have (all matches are sorted). */
  rareFragment: string;
  commonFragment: string;
}

/** The suffix the seed's lexicon gives about one name in ten (seed/lexicon.ts). */
const COMMON_FRAGMENT = 'uwu';

async function one<Row>(database: AuroraDatabase, text: string, params: unknown[] = []): Promise<Row> {
  const { rows } = await database.query<Row>(text, params);
  if (!rows[0]) throw new Error(`screens bench: no subject for ${text.replace(/\s+/g, ' ').slice(0, 80)}…`);
  return rows[0];
}

export async function pickSubjects(database: AuroraDatabase): Promise<ScreenSubjects> {
  const target = await one<{ user_id: string; n: string }>(
    database,
    'SELECT user_id, count(*) AS n FROM moderation_cases GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1',
  );
  const latest = await one<{ id: string }>(database, 'SELECT id FROM moderation_cases WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [
    target.user_id,
  ]);
  const player = await one<{ user_id: string; n: string }>(
    database,
    'SELECT user_id, count(*) AS n FROM transactions GROUP BY user_id ORDER BY count(*) DESC, user_id LIMIT 1',
  );
  const quest = await one<{ quest_id: number; n: string }>(
    database,
    'SELECT quest_id, count(*) AS n FROM user_quests GROUP BY quest_id ORDER BY count(*) DESC, quest_id LIMIT 1',
  );
  const prefix = await one<{ p: string }>(database, 'SELECT left(lower(username), 2) AS p FROM users GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
  // Four letters from the middle of a name the seed gave no suffix: a fragment few names share.
  const rare = await one<{ f: string }>(
    database,
    `SELECT substr(lower(username), 2, 4) AS f FROM users WHERE username ~ '^[a-z]{6,}$' ORDER BY id LIMIT 1`,
  );
  return {
    caseId: BigInt(latest.id),
    caseTarget: { userId: BigInt(target.user_id), cases: Number(target.n) },
    player: { id: BigInt(player.user_id), transactions: Number(player.n) },
    quest: { id: Number(quest.quest_id), players: Number(quest.n) },
    shortQuery: prefix.p,
    rareFragment: rare.f,
    commonFragment: COMMON_FRAGMENT,
  };
}

export function describeSubjects(s: ScreenSubjects): string {
  return (
    `case #${s.caseId} (its target has ${s.caseTarget.cases} cases), player ${s.player.id} (${s.player.transactions} transactions), ` +
    `quest #${s.quest.id} (${s.quest.players} players), searches "${s.shortQuery}", "${s.rareFragment}", "${s.commonFragment}"`
  );
}

/** The reads each screen makes on open, with the inputs the renderer sends by default. */
export function screenScenarios(database: AuroraDatabase, caller: Caller, s: ScreenSubjects): ScreenScenario[] {
  const playerId = s.player.id;
  return [
    { name: 'case detail: moderation.detail', call: () => caller.moderation.detail({ id: s.caseId }) },
    { name: 'case detail: moderation.targetHistory', call: () => caller.moderation.targetHistory({ userId: s.caseTarget.userId }) },
    { name: `player search: "${s.shortQuery}" (name index walk)`, call: () => caller.players.search({ query: s.shortQuery, limit: 50 }) },
    { name: `player search: "${s.rareFragment}" (fragment)`, call: () => caller.players.search({ query: s.rareFragment, limit: 50 }) },
    { name: `player search: "${s.commonFragment}" (common fragment)`, call: () => caller.players.search({ query: s.commonFragment, limit: 50 }) },
    // The profile opens on its Inventory tab, which loads once the header has its profile.
    { name: 'player profile: players.profile', call: () => caller.players.profile({ playerId }) },
    { name: 'player profile: players.inventory', call: () => caller.players.inventory({ playerId }) },
    { name: 'player profile: currencyLedger first page', call: () => caller.players.currencyLedger({ playerId, limit: 50 }) },
    { name: 'lootdrops: board', call: () => caller.lootdrops.board({ recent: 30 }) },
    { name: 'lootdrops: stats, 30 days', call: () => caller.lootdrops.stats({ days: 30 }) },
    { name: 'lootdrops: stats, all time', call: () => caller.lootdrops.stats({ days: null }) },
    { name: 'quests: list first page', call: () => caller.quests.list({ limit: 100 }) },
    { name: `quests: stats (${s.quest.players} players, 90 days)`, call: () => caller.quests.stats({ id: s.quest.id, days: 90 }) },
    // Opening the view: every figure summed (the whole-table ones are reused only on large tables).
    {
      name: 'economy: overview, 30 days, uncached',
      call: () => {
        forgetEconomyFigures(database);
        return caller.economy.overview({ days: 30, topHolders: 10 });
      },
    },
    // Switching to the widest window the screen offers right after: the chart is read again, the
    // whole-table figures are reused where the tables are large (on the scale set the year's
    // chart holds its last five weeks of data: the seed ends 2026-01-01).
    { name: 'economy: overview, a year, after opening', call: () => caller.economy.overview({ days: 365, topHolders: 10 }) },
  ];
}
