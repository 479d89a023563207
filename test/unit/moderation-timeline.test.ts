/**
 * A case's timeline reads in order and in words: "opened the case" comes first even when the
 * Discord action taken with the opening was stamped a moment before the row was written, and a
 * Discord entry says what happened ("member timed out until 3 Dec, 09:53", "timeout cleared"),
 * never an action code with "done" or an ISO time.
 */
import { describe, expect, it } from 'vitest';
import { readDeskMeta } from '../../src/main/features/moderation/desk-metadata.js';
import { buildTimeline } from '../../src/main/features/moderation/timeline.js';
import { discordEntryText } from '../../src/renderer/src/features/moderation/components/describe-case.js';

const by = { id: '1100000000000000001', name: 'Test Moderator' };
const openedAt = new Date('2026-12-03T08:53:31.490Z');
const until = '2026-12-03T09:53:31.483Z';

describe('a case timeline', () => {
  it('lists "opened the case" before the Discord action taken with it, and keeps the timeout end as a time', () => {
    const meta = readDeskMeta({
      aurora_desk: {
        v: 1,
        history: [{ at: openedAt.toISOString(), by, action: 'opened' }],
        discord: [{ at: '2026-12-03T08:53:31.483Z', by, action: 'timeout', ok: true, until }],
      },
    });
    const row = { createdAt: openedAt, moderatorId: 1100000000000000001n, moderatorName: 'Test Moderator', reason: 'Spam', active: true, resolvedAt: null, resolvedBy: null, resolvedByName: null, resolvedReason: null };
    const entries = buildTimeline(row, meta);
    expect(entries.map((e) => e.kind)).toEqual(['opened', 'discord']);
    expect(entries[1]).toMatchObject({ text: 'timeout', ok: true, detail: null, until: new Date(until) });
  });

  it('says what Discord did in plain words, with a local, short end time', () => {
    const text = discordEntryText('timeout', true, new Date(until));
    expect(text).toMatch(/^member timed out until \d{1,2} Dec, \d{2}:\d{2}$/);
    expect(text).not.toMatch(/T\d\d:|Z|\.\d{3}/);
    expect(discordEntryText('clear-timeout', true)).toBe('timeout cleared');
    expect(discordEntryText('ban', true)).toBe('member banned');
    expect(discordEntryText('ban', false)).toBe('could not ban the member');
  });
});
