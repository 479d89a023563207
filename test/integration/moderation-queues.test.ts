/**
 * The moderation queues through the real router on both drivers: which cases each queue and
 * filter returns, keyset pages, counts, the detail panel, CSV export and bad data from the bot.
 */
import { beforeAll, expect, it } from 'vitest';
import { exportCases } from '../../src/main/features/moderation/export.js';
import { moderationIndexNames } from '../../src/main/db/desk/0004_moderation_indexes.js';
import type { CaseSummary, ModerationQueue } from '../../src/shared/domain/moderation.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { BOT_MOD, DRIFTER, EMBER, insertBotCase, NYX, OTHER_MOD, seedPlayers } from '../fixtures/moderation-world.js';

describeOnBothDrivers('moderation queues', (current, driver) => {
  const ids: Record<string, bigint> = {};
  const caller = () => callerFor(createTestServices(current().database));
  const all = async (queue: ModerationQueue, filters: Record<string, unknown> = {}, limit = 2): Promise<CaseSummary[]> => {
    const out: CaseSummary[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page: { cases: CaseSummary[]; nextCursor: string | null } = await caller().moderation.list({ queue, filters, cursor, limit });
      out.push(...page.cases);
      if (!page.nextCursor) return out;
      cursor = page.nextCursor;
    }
    throw new Error('pagination did not end');
  };

  beforeAll(async () => {
    const db = current().database;
    await seedPlayers(db);
    // Same created_at to the microsecond for three cases: the keyset must order them by id.
    const tie = '2026-03-01 10:00:00.123456';
    ids.warnA = await insertBotCase(db, { type: 'warn', createdAt: tie, reason: '100% <b>spam</b> in #tavern' });
    ids.warnB = await insertBotCase(db, { type: 'warn', createdAt: tie, userId: EMBER, username: 'Ember_Fox', reason: 'caps lock' });
    ids.ban = await insertBotCase(db, { type: 'ban', createdAt: tie, userId: DRIFTER, username: null, reason: 'raid account' });
    ids.timeout = await insertBotCase(db, {
      type: 'timeout',
      createdAt: '2026-03-01 10:00:00.123999',
      reason: '=HYPERLINK("http://x")',
      metadataJson: '{"duration": "1h", "channel": 123456789012345678901}',
    });
    ids.softban = await insertBotCase(db, { type: 'softban', createdAt: '2026-03-02 08:00:00', metadataJson: '[1, 2, "three"]', username: null, reason: null });
    ids.resolvedNote = await insertBotCase(db, {
      type: 'note',
      createdAt: '2026-02-01 00:00:00',
      active: false,
      resolvedAt: '2026-02-02 00:00:00',
      resolvedBy: BOT_MOD.id,
      resolvedReason: 'expired',
      metadataJson: '"just a string"',
    });
    ids.mineOpened = await insertBotCase(db, { type: 'kick', createdAt: '2026-01-15 00:00:00', moderatorId: testStaff.id, moderatorName: testStaff.name, userId: EMBER });
    ids.mineResolved = await insertBotCase(db, {
      type: 'warn',
      createdAt: '2026-01-10 00:00:00',
      moderatorId: OTHER_MOD.id,
      active: false,
      resolvedAt: '2026-01-11 00:00:00',
      resolvedBy: testStaff.id,
      resolvedReason: 'talked it out',
    });
    ids.mineClaimed = await insertBotCase(db, {
      type: 'warn',
      createdAt: '2026-01-05 00:00:00',
      metadataJson: JSON.stringify({ aurora_desk: { claim: { id: testStaff.id.toString(), name: testStaff.name, at: '2026-01-06T00:00:00.000Z' } } }),
    });
  });

  it('lists each queue newest first with exact ids, ties ordered by id', async () => {
    const recent = await all('recent');
    expect(recent.map((c) => c.id)).toEqual([
      ids.softban, ids.timeout, ids.ban, ids.warnB, ids.warnA, ids.resolvedNote, ids.mineOpened, ids.mineResolved, ids.mineClaimed,
    ]);
    expect(new Set(recent.map((c) => c.cursor)).size).toBe(recent.length);
    const active = await all('active');
    expect(active.every((c) => c.active)).toBe(true);
    expect(active.map((c) => c.id)).not.toContain(ids.resolvedNote);
    const resolved = await all('resolved');
    expect(resolved.map((c) => c.id)).toEqual([ids.resolvedNote, ids.mineResolved]);
    // Mine is the active cases I have claimed: not the ones I opened or resolved.
    const mine = await all('mine', {}, 1);
    expect(mine.map((c) => c.id)).toEqual([ids.mineClaimed]);
    const claimed = mine.find((c) => c.id === ids.mineClaimed)!;
    expect(claimed.claim?.by).toEqual({ id: testStaff.id, name: testStaff.name });
    expect(recent.find((c) => c.id === ids.warnA)?.userId).toBe(NYX);
  });

  it('filters by type, moderator, target ID or name, dates and reason text', async () => {
    const ids_ = async (filters: Record<string, unknown>) => (await all('recent', filters, 50)).map((c) => c.id).sort();
    const sorted = (...list: bigint[]) => [...list].sort();
    expect(await ids_({ types: ['ban', 'softban'] })).toEqual(sorted(ids.ban!, ids.softban!));
    expect(await ids_({ moderatorId: OTHER_MOD.id })).toEqual([ids.mineResolved]);
    expect(await ids_({ target: DRIFTER.toString() })).toEqual([ids.ban]);
    expect(await ids_({ target: 'ember' })).toEqual([ids.warnB]);
    expect(await ids_({ from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-02T00:00:00Z') })).toEqual(
      sorted(ids.warnA!, ids.warnB!, ids.ban!, ids.timeout!),
    );
    // % typed by a moderator is a literal percent sign, not a wildcard.
    expect(await ids_({ reason: '100%' })).toEqual([ids.warnA]);
    expect(await ids_({ reason: 'RAID' })).toEqual([ids.ban]);
    expect(await ids_({ reason: '%' })).toEqual([ids.warnA]);
    const none = await caller().moderation.list({ queue: 'active', filters: { types: ['nothing-like-this'] } });
    expect(none).toEqual({ cases: [], nextCursor: null });
  });

  it('counts per queue and per type, with unknown types as they are', async () => {
    const counts = await caller().moderation.counts({ queue: 'active' });
    expect(counts.queues).toEqual({ active: 7, resolved: 2, recent: 9, mine: 1 });
    expect(counts.basis).toBe('exact');
    expect(counts.types).toEqual([
      { type: 'warn', count: 3 },
      { type: 'ban', count: 1 },
      { type: 'kick', count: 1 },
      { type: 'softban', count: 1 },
      { type: 'timeout', count: 1 },
    ]);
    const filtered = await caller().moderation.counts({ queue: 'resolved', filters: { types: ['note'] } });
    expect(filtered.queues).toEqual({ active: 0, resolved: 1, recent: 1, mine: 0 });
    expect(filtered.types).toEqual([{ type: 'note', count: 1 }]);
  });

  it('answers the Mine queue only with a staff identity', async () => {
    const anonymous = callerFor(createTestServices(current().database, { identity: null }));
    await expect(anonymous.moderation.list({ queue: 'mine' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const counts = await anonymous.moderation.counts({ queue: 'recent' });
    expect(counts.queues.mine).toBe(0);
  });

  it('shows bad data as it is: unknown types, null usernames, non-object metadata, exact big integers', async () => {
    const [softban] = await caller().moderation.byIds({ ids: [ids.softban!] });
    expect(softban).toMatchObject({ type: 'softban', username: null, reasonExcerpt: null, metadataIsObject: false, noteCount: 0 });
    const detail = await caller().moderation.detail({ id: ids.softban! });
    expect(detail.metadataKind).toBe('array');
    expect(detail.metadata).toEqual([1, 2, 'three']);
    expect(detail.target).toEqual({ kind: 'player', username: 'nyx', className: 'Warden', level: 12, xp: 42n, balance: 9007199254740993n, isActive: true, createdAt: expect.any(Date) });
    const timeout = await caller().moderation.detail({ id: ids.timeout! });
    expect(timeout.metadata).toEqual({ duration: '1h', channel: 123456789012345678901n });
    expect(timeout.metadataRaw).toContain('123456789012345678901');
    expect(timeout.botMetadataKeys).toEqual(['channel', 'duration']);
    const note = await caller().moderation.detail({ id: ids.resolvedNote! });
    expect(note.metadataKind).toBe('string');
    expect(note.metadataRaw).toBe('"just a string"');
    // Resolved by the bot: the timeline shows it from the row's columns.
    expect(note.timeline.map((t) => [t.kind, t.source])).toEqual([
      ['opened', 'row'],
      ['resolved', 'row'],
    ]);
    expect(note.timeline[1]!.by).toEqual({ id: BOT_MOD.id, name: null });
    expect(note.resolvedReason).toBe('expired');
  });

  it('shows the target profile or "not a player", and the whole case history with counts', async () => {
    const ban = await caller().moderation.detail({ id: ids.ban! });
    expect(ban.target).toEqual({ kind: 'not-a-player' });
    expect(ban.targetHistory.total).toBe(1);
    const warn = await caller().moderation.detail({ id: ids.warnB! });
    expect(warn.target).toMatchObject({ kind: 'player', username: 'Ember_Fox', className: null, isActive: false });
    expect(warn.targetHistory.counts).toEqual([
      { type: 'kick', count: 1 },
      { type: 'warn', count: 1 },
    ]);
    expect(warn.targetHistory.cases.map((c) => c.id)).toEqual([ids.warnB, ids.mineOpened]);
    expect(warn.reason).toBe('caps lock');
  });

  it('shows huge metadata raw, cut, without parsing it', async () => {
    const big = JSON.stringify({ log: 'x'.repeat(300_000), aurora_desk: { notes: [{ id: 'n1', at: '2026-01-01T00:00:00Z', by: { id: '1', name: 'A' }, text: 'kept' }] } });
    const id = await insertBotCase(current().database, { metadataJson: big, userId: DRIFTER });
    const detail = await caller().moderation.detail({ id });
    expect(detail.metadataKind).toBe('too-large');
    expect(detail.metadata).toBeNull();
    expect(detail.metadataBytes).toBeGreaterThan(300_000);
    expect(detail.metadataRaw.length).toBeLessThan(20_000);
    expect(detail.timeline.some((t) => t.kind === 'note' && t.text === 'kept')).toBe(true);
    await current().database.query('DELETE FROM moderation_cases WHERE id = $1::bigint', [id.toString()]);
  });

  it('exports the filtered queue as CSV, formulas defused, capped with a message', async () => {
    const out = await caller().moderation.exportCsv({ queue: 'active', filters: { types: ['timeout', 'warn'] } });
    const lines = out.csv.trim().split('\r\n');
    expect(lines[0]).toBe('case_id,type,user_id,username,moderator_id,moderator_name,reason,active,created_at,resolved_at,resolved_by,resolved_reason,claimed_by,notes');
    expect(out.rows).toBe(4);
    expect(out.truncated).toBe(false);
    expect(lines[1]).toContain(`,timeout,${NYX},nyx,`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[1]).toContain('2026-03-01T10:00:00.123Z');
    const capped = await exportCases(current().database, testStaff, { queue: 'recent', filters: { types: [] } }, 3);
    expect(capped.rows).toBe(3);
    expect(capped.truncated).toBe(true);
    expect(capped.message).toMatch(/newest 3 cases/);
  });

  it('re-reads a scrolled window with `through` (arrivals on top, nothing pushed out) and names arrival queues', async () => {
    const first = await caller().moderation.list({ queue: 'recent', limit: 3 });
    const through = first.cases.at(-1)!.cursor;
    const arrived = await insertBotCase(current().database, { type: 'ban', moderatorId: testStaff.id });
    const window = await caller().moderation.list({ queue: 'recent', through, limit: 1000 });
    expect(window.cases.map((c) => c.id)).toEqual([arrived, ...first.cases.map((c) => c.id)]);
    const arrivals = await caller().moderation.arrivals({ ids: [arrived, ids.mineResolved!, ids.warnA!] });
    const queuesOf = (id: bigint) => arrivals.find((a) => a.summary.id === id)?.queues;
    expect(queuesOf(arrived)).toEqual(['recent', 'active']);
    expect(queuesOf(ids.mineResolved!)).toEqual(['recent', 'resolved']);
    expect((await caller().moderation.arrivals({ ids: [ids.mineClaimed!] }))[0]?.queues).toEqual(['recent', 'active', 'mine']);
    expect(queuesOf(ids.warnA!)).toEqual(['recent', 'active']);
    await current().database.query('DELETE FROM moderation_cases WHERE id = $1::bigint', [arrived.toString()]);
  });

  it('finds a case for the command palette by exact case ID or row number', async () => {
    const id = await insertBotCase(current().database, { caseId: 'A-009999' });
    expect((await caller().moderation.find({ text: 'A-009999' })).map((c) => c.id)).toEqual([id]);
    expect((await caller().moderation.find({ text: 'a-009999' })).map((c) => c.id)).toEqual([id]);
    await current().database.query('DELETE FROM moderation_cases WHERE id = $1::bigint', [id.toString()]);
    expect((await caller().moderation.find({ text: ids.ban!.toString() })).map((c) => c.id)).toEqual([ids.ban]);
    expect(await caller().moderation.find({ text: 'no-such-case' })).toEqual([]);
  });

  it('creates the moderation indexes where it can', async () => {
    const status = await caller().moderation.indexes();
    const present = status.filter((s) => s.present).map((s) => s.name);
    const btree = moderationIndexNames.filter((n) => !n.endsWith('_trgm'));
    expect(present).toEqual(expect.arrayContaining(btree));
    // pg_trgm exists on the PostgreSQL of the tests; PGlite does not load it (fail soft).
    if (driver === 'postgres') expect(present).toContain('aurora_desk_mod_cases_reason_trgm');
    else expect(present).not.toContain('aurora_desk_mod_cases_reason_trgm');
  });
});
