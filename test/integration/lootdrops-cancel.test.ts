/**
 * Cancelling a drop: expires_at = now and the message edited (or deleted), refused with the
 * claimer's name once the bot has recorded a claim, and still possible without Discord.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { DiscordClient } from '../../src/main/core/discord/index.js';
import type { DeskServices } from '../../src/main/core/services.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { CHANNEL_LOOTDROPS } from '../fixtures/fake-discord-lootdrops.js';
import { callerFor, createTestServices, testStaff, stopServices } from '../fixtures/services.js';
import { openWriter, type Writer } from '../fixtures/live-probe.js';
import { clearLootdrops, dropRows, insertPlayer, NYX, routesOf, startLootdropDiscord, type LootdropDiscordRig } from '../fixtures/lootdrops-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

describeOnBothDrivers('cancelling lootdrops', (current) => {
  let rig: LootdropDiscordRig;
  let bot: Writer;
  const desks: DeskServices[] = [];

  beforeAll(async () => {
    rig = await startLootdropDiscord();
    bot = await openWriter(current());
    await insertPlayer(current().database, NYX, 'nyx');
  });
  afterAll(async () => {
    await Promise.all(desks.map(stopServices));
    await bot.close();
    await rig.close();
  });
  beforeEach(async () => {
    rig.fake.reset();
    rig.routes.reset();
    await clearLootdrops(current().database);
  });

  const caller = (discord: DiscordClient | null = rig.client) => {
    const desk = createTestServices(current().database, { discord });
    desks.push(desk);
    return callerFor(desk);
  };
  const spawn = async () => {
    const { drop } = await caller().lootdrops.spawn({ idempotencyKey: randomUUID(), channelId: CHANNEL_LOOTDROPS, amount: '250', currency: 'COINS', lifetimeSeconds: 600 });
    rig.fake.reset();
    return drop;
  };

  it('sets expires_at to now and edits the message: grey, struck through, button disabled', async () => {
    const drop = await spawn();
    const before = Date.now();
    const { drop: cancelled, message } = await caller().lootdrops.cancel({ messageId: drop.messageId });
    expect(message).toEqual({ action: 'edited', detail: null });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelled: { by: { id: testStaff.id, name: testStaff.name }, messageAction: 'edited' } });
    expect(cancelled.expiresAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(cancelled.expiresAt!.getTime()).toBeLessThan(drop.expiresAt!.getTime());

    expect(routesOf(rig.fake)).toEqual([`PATCH /channels/${CHANNEL_LOOTDROPS}/messages/${drop.messageId}`]);
    const edit = rig.fake.requests[0]!.body as { embeds: { title: string; description: string; color: number }[]; components: { components: { disabled: boolean; custom_id: string; label: string }[] }[] };
    expect(edit.embeds[0]).toMatchObject({ title: 'This lootdrop was cancelled', description: expect.stringContaining('~~250 COINS~~') });
    expect(edit.components[0]!.components[0]).toMatchObject({ disabled: true, custom_id: 'lootdrop_claim', label: 'Cancelled' });

    const board = await caller().lootdrops.board({});
    expect(board.active).toEqual([]);
    expect(board.expired.map((d) => [d.messageId, d.status])).toEqual([[drop.messageId, 'cancelled']]);
    const history = await caller().lootdrops.history({ status: 'cancelled' });
    expect(history.rows.map((d) => d.messageId)).toEqual([drop.messageId]);
  });

  it('deletes the message instead when asked', async () => {
    const drop = await spawn();
    const { message } = await caller().lootdrops.cancel({ messageId: drop.messageId, deleteMessage: true });
    expect(message.action).toBe('deleted');
    expect(routesOf(rig.fake)).toEqual([`DELETE /channels/${CHANNEL_LOOTDROPS}/messages/${drop.messageId}`]);
    expect(rig.routes.live()).toEqual([]);
  });

  it('is refused once the bot recorded a claim, naming the claimer; the message is left alone', async () => {
    const drop = await spawn();
    await bot.query(`UPDATE lootdrops SET claimed_by = $1 WHERE message_id = $2 AND claimed_by IS NULL`, [String(NYX), drop.messageId]);
    const failure = await rejectionOf(caller().lootdrops.cancel({ messageId: drop.messageId }));
    expect(failure.code).toBe('CONFLICT');
    expect(failure.message).toMatch(/already claimed by nyx \(1300000000000000001\).*cannot be cancelled/);
    expect(rig.fake.requests).toEqual([]);
    const [row] = await dropRows(current().database);
    expect(row).toEqual({ message_id: drop.messageId, claimed_by: String(NYX), expires_at: drop.expiresAt!.toISOString() });
  });

  it('refuses a second cancel, naming who cancelled first, and an unknown drop', async () => {
    const drop = await spawn();
    await caller().lootdrops.cancel({ messageId: drop.messageId });
    const again = await rejectionOf(caller().lootdrops.cancel({ messageId: drop.messageId }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(new RegExp(`${testStaff.name} already cancelled this drop`));
    const missing = await rejectionOf(caller().lootdrops.cancel({ messageId: '1499999999999999999' }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('cancels without Discord, and says the message could not be changed when Discord fails', async () => {
    const first = await spawn();
    const offline = await caller(null).lootdrops.cancel({ messageId: first.messageId });
    expect(offline.message).toEqual({ action: 'none', detail: expect.stringContaining('Discord is not configured') });
    expect(offline.drop.status).toBe('cancelled');
    expect(rig.fake.requests).toEqual([]);

    const second = await spawn();
    rig.fake.failNext({ method: 'PATCH', kind: 'server-error', times: 5 });
    const failed = await caller().lootdrops.cancel({ messageId: second.messageId });
    expect(failed.drop.status).toBe('cancelled');
    expect(failed.message).toEqual({ action: 'failed', detail: expect.stringMatching(/cancelled, but its Discord message could not be edited: Discord is unavailable/) });
  });
});
