/**
 * Every moderation action through the real router on both drivers, and what it leaves in the
 * row: columns, `metadata.aurora_desk`, the bot's own metadata keys untouched, the audit log.
 * Stale actions answer CONFLICT naming who changed the case and when.
 */
import { expect, it } from 'vitest';
import { CASE_ID_PATTERN } from '../../src/main/features/moderation/case-id.js';
import type { CaseSummary } from '../../src/shared/domain/moderation.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import {
  caseRow,
  DRIFTER,
  EMBER,
  insertBotCase,
  NYX,
  OTHER_MOD,
  seedPlayers,
} from '../fixtures/moderation-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

describeOnBothDrivers('moderation actions', (current) => {
  const me = () => callerFor(createTestServices(current().database));
  const other = () => callerFor(createTestServices(current().database, { identity: OTHER_MOD }));
  const summaryOf = async (id: bigint): Promise<CaseSummary> => (await me().moderation.byIds({ ids: [id] }))[0]!;
  const botCase = (metadataJson = '{"points": 2, "messageLink": "https://discord.com/channels/1/2/3"}') =>
    insertBotCase(current().database, { type: 'warn', metadataJson });

  it('resolves a case: columns set, history kept, bot metadata untouched, audit row written', async () => {
    const id = await botCase();
    const seen = await summaryOf(id);
    const result = await me().moderation.resolve({ id, expected: seen.seen, reason: 'Apologised in #tavern' });
    expect(result.summary).toMatchObject({ active: false, resolvedBy: testStaff.id, resolvedReasonExcerpt: 'Apologised in #tavern' });
    expect(result.discord).toBeUndefined();
    const row = await caseRow(current().database, id);
    expect(row.active).toBe(false);
    expect(row.resolved_by).toBe(testStaff.id.toString());
    expect(row.resolved_reason).toBe('Apologised in #tavern');
    expect(row.resolved_at).not.toBeNull();
    expect(row.metadata.points).toBe(2);
    expect(row.metadata.messageLink).toBe('https://discord.com/channels/1/2/3');
    expect(row.metadata.aurora_desk?.history).toEqual([
      { at: expect.any(String), by: { id: testStaff.id.toString(), name: testStaff.name }, action: 'resolved', text: 'Apologised in #tavern' },
    ]);
    const audit = await current().database.query<{ procedure: string; outcome: string; actor_id: string }>(
      `SELECT procedure, outcome, actor_id FROM aurora_desk.audit_log WHERE procedure = 'moderation.resolve' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({ procedure: 'moderation.resolve', outcome: 'ok', actor_id: testStaff.id.toString() });
  });

  it('answers CONFLICT naming who resolved it and when, and changes nothing', async () => {
    const id = await botCase();
    const seen = (await summaryOf(id)).seen;
    await other().moderation.resolve({ id, expected: seen, reason: 'handled by Orin' });
    const before = await caseRow(current().database, id);
    const error = await rejectionOf(me().moderation.resolve({ id, expected: seen, reason: 'me too' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already resolved by Moderator Orin \(1100000000000000009\) at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(error.data.conflict).toMatchObject({ changedBy: 'Moderator Orin (1100000000000000009)', changedAt: expect.any(String) });
    expect(await caseRow(current().database, id)).toEqual(before);
  });

  it('reopens a resolved case, keeping the resolution in history; stale reopen conflicts', async () => {
    const id = await botCase();
    const resolved = await me().moderation.resolve({ id, expected: (await summaryOf(id)).seen, reason: 'first' });
    const reopened = await me().moderation.reopen({ id, expected: resolved.summary.seen, note: 'new evidence' });
    expect(reopened.summary).toMatchObject({ active: true, resolvedAt: null, resolvedBy: null, resolvedReasonExcerpt: null });
    const row = await caseRow(current().database, id);
    expect((row.metadata.aurora_desk?.history as { action: string; previous?: string }[]).map((h) => [h.action, h.previous ?? null])).toEqual([
      ['resolved', null],
      ['reopened', 'first'],
    ]);
    // Reopening again with the old view: it is active now.
    const error = await rejectionOf(other().moderation.reopen({ id, expected: resolved.summary.seen }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already reopened by Test Moderator/);
  });

  it('edits the reason, keeping the previous text; a stale edit conflicts with the current reason', async () => {
    const id = await botCase();
    const seen = (await summaryOf(id)).seen;
    const edited = await me().moderation.editReason({ id, expected: seen, reason: 'Spam in <#tavern> **again**' });
    expect(edited.summary.reasonExcerpt).toBe('Spam in <#tavern> **again**');
    const row = await caseRow(current().database, id);
    expect(row.reason).toBe('Spam in <#tavern> **again**');
    expect(row.metadata.aurora_desk?.history).toEqual([
      expect.objectContaining({ action: 'reason-edited', previous: 'spamming the tavern', text: 'Spam in <#tavern> **again**' }),
    ]);
    const error = await rejectionOf(other().moderation.editReason({ id, expected: seen, reason: 'mine' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/changed by Test Moderator/);
    expect(error.data.conflict?.current).toMatchObject({ reason: 'Spam in <#tavern> **again**' });
    // An empty reason clears it.
    await me().moderation.editReason({ id, expected: edited.summary.seen, reason: '' });
    expect((await caseRow(current().database, id)).reason).toBeNull();
  });

  it('adds notes with author and time, shown in the timeline', async () => {
    const id = await botCase();
    await me().moderation.addNote({ id, text: 'Checked their <script>alert(1)</script> messages' });
    const after = await other().moderation.addNote({ id, text: 'Agreed' });
    expect(after.summary.noteCount).toBe(2);
    const detail = await me().moderation.detail({ id });
    expect(detail.timeline.filter((t) => t.kind === 'note').map((t) => [t.by?.name, t.text])).toEqual([
      ['Test Moderator', 'Checked their <script>alert(1)</script> messages'],
      ['Moderator Orin', 'Agreed'],
    ]);
    const row = await caseRow(current().database, id);
    expect(row.metadata.points).toBe(2);
  });

  it('claims and unclaims; a stale claim conflicts naming the claimer', async () => {
    const id = await botCase();
    const seen = (await summaryOf(id)).seen;
    const claimed = await me().moderation.claim({ id, expected: seen });
    expect(claimed.summary.claim).toEqual({ by: { id: testStaff.id, name: testStaff.name }, at: expect.any(Date) });
    // Claiming again is a no-op for the same moderator.
    await me().moderation.claim({ id, expected: seen });
    const error = await rejectionOf(other().moderation.claim({ id, expected: seen }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/claimed by Test Moderator \(1100000000000000001\) since/);
    // Orin unclaiming with a stale view (saw it unclaimed) conflicts too.
    expect((await rejectionOf(other().moderation.unclaim({ id, expected: seen }))).code).toBe('CONFLICT');
    const released = await me().moderation.unclaim({ id, expected: claimed.summary.seen });
    expect(released.summary.claim).toBeNull();
    const taken = await other().moderation.claim({ id, expected: released.summary.seen });
    expect(taken.summary.claim?.by.name).toBe('Moderator Orin');
    expect((await me().moderation.list({ queue: 'mine' })).cases.map((c) => c.id)).not.toContain(id);
    expect((await other().moderation.list({ queue: 'mine' })).cases.map((c) => c.id)).toContain(id);
    // Resolving clears the claim; claiming a case resolved meanwhile conflicts.
    const done = await other().moderation.resolve({ id, expected: taken.summary.seen, reason: 'done' });
    expect(done.summary.claim).toBeNull();
    const late = await rejectionOf(me().moderation.claim({ id, expected: taken.summary.seen }));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toMatch(/already resolved by Moderator Orin/);
  });

  it('bulk resolves with one reason and reports the cases skipped', async () => {
    const a = await botCase();
    const b = await botCase();
    const c = await botCase();
    const views = await me().moderation.byIds({ ids: [a, b, c] });
    const seenOf = (id: bigint) => views.find((v) => v.id === id)!.seen;
    await other().moderation.resolve({ id: b, expected: seenOf(b), reason: 'Orin got there first' });
    const result = await me().moderation.bulkResolve({
      cases: [a, b, c, 987654321n].map((id) => ({ id, expected: id === 987654321n ? seenOf(a) : seenOf(id) })),
      reason: 'Raid cleanup',
    });
    expect(result.resolved.map((s) => s.id).sort()).toEqual([a, c].sort());
    expect(result.skipped).toEqual([
      { id: 987654321n, caseId: null, reason: 'The case no longer exists.' },
      { id: b, caseId: expect.any(String), reason: expect.stringMatching(/already resolved by Moderator Orin/) },
    ]);
    for (const id of [a, c]) expect(await caseRow(current().database, id)).toMatchObject({ active: false, resolved_reason: 'Raid cleanup', resolved_by: testStaff.id.toString() });
    expect((await caseRow(current().database, b)).resolved_reason).toBe('Orin got there first');
  });

  it('opens cases with a desk case ID and username snapshots', async () => {
    await seedPlayers(current().database);
    const warn = await me().moderation.open({ type: 'Warn', userId: NYX.toString(), reason: 'Begging for coins' });
    expect(warn.summary).toMatchObject({ type: 'warn', userId: NYX, username: 'nyx', moderatorId: testStaff.id, moderatorName: testStaff.name, active: true });
    expect(warn.summary.caseId).toMatch(CASE_ID_PATTERN);
    expect(warn.discord).toBeUndefined();
    const custom = await me().moderation.open({ type: 'voice_mute', userId: DRIFTER.toString(), username: 'drifter#0001' });
    expect(custom.summary).toMatchObject({ type: 'voice_mute', username: 'drifter#0001', reasonExcerpt: null });
    const stranger = await me().moderation.open({ type: 'note', userId: '1234567890123459999' });
    expect(stranger.summary.username).toBeNull();
    const row = await caseRow(current().database, warn.summary.id);
    expect(row.metadata.aurora_desk?.history).toEqual([expect.objectContaining({ action: 'opened', text: 'Begging for coins' })]);
    const detail = await me().moderation.detail({ id: warn.summary.id });
    expect(detail.timeline.map((t) => [t.kind, t.source])).toEqual([['opened', 'desk']]);
    // Timeouts need a duration; the zod error names the field.
    const noDuration = await rejectionOf(me().moderation.open({ type: 'timeout', userId: EMBER.toString() }));
    expect(noDuration.code).toBe('BAD_REQUEST');
    const badId = await rejectionOf(me().moderation.open({ type: 'warn', userId: '12ab' }));
    expect(badId.code).toBe('BAD_REQUEST');
  });

  it('keeps metadata that is not an object: notes and claims refused clearly, resolve still works', async () => {
    const id = await insertBotCase(current().database, { metadataJson: '["automod", 3]' });
    const seen = (await summaryOf(id)).seen;
    const note = await rejectionOf(me().moderation.addNote({ id, text: 'hello' }));
    expect(note.code).toBe('BAD_REQUEST');
    expect(note.message).toMatch(/not a JSON object \(it is an array\).*Resolving still works/);
    expect((await rejectionOf(me().moderation.claim({ id, expected: seen }))).code).toBe('BAD_REQUEST');
    expect((await rejectionOf(me().moderation.editReason({ id, expected: seen, reason: 'x' }))).code).toBe('BAD_REQUEST');
    const resolved = await me().moderation.resolve({ id, expected: seen, reason: 'ok' });
    expect(resolved.summary.active).toBe(false);
    expect((await caseRow(current().database, id)).metadata_text).toBe('["automod", 3]');
  });

  it('refuses writes without an identity or on a read-only connection', async () => {
    const id = await botCase();
    const seen = (await summaryOf(id)).seen;
    const anonymous = callerFor(createTestServices(current().database, { identity: null }));
    expect((await rejectionOf(anonymous.moderation.resolve({ id, expected: seen, reason: 'x' }))).code).toBe('PRECONDITION_FAILED');
    const readOnly = callerFor(createTestServices(current().database, { readOnlyReason: 'read-only role' }));
    expect((await rejectionOf(readOnly.moderation.addNote({ id, text: 'x' }))).code).toBe('PRECONDITION_FAILED');
    expect((await caseRow(current().database, id)).active).toBe(true);
    expect((await rejectionOf(me().moderation.resolve({ id: 99999999n, expected: seen, reason: 'x' }))).code).toBe('NOT_FOUND');
  });
});
