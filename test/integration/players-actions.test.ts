import { desc, eq } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { auditLog } from '../../src/main/db/desk/tables.js';
import * as s from '../../src/main/db/schema.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { EMBER, NYX, PLAYING_STAFF, QUIET, SEER, WARDEN, freshPlayersWorld, heldQuantity, userRow, type World } from '../fixtures/players-world.js';
import { rejectionOf } from '../fixtures/rejection.js';

describeOnBothDrivers('staff actions on players', (current) => {
  let world: World;
  const desk = () => createTestServices(current().database);
  const caller = () => callerFor(desk());
  const db = () => current().database.db;

  const balanceOf = async (id: bigint) => (await db().select({ b: s.users.balance }).from(s.users).where(eq(s.users.id, id)))[0]?.b;
  const ledgerRow = async (id: bigint) => (await db().select().from(s.transactions).where(eq(s.transactions.id, id)))[0]!;
  const itemLedgerRow = async (id: bigint) => (await db().select().from(s.itemTransactions).where(eq(s.itemTransactions.id, id)))[0]!;

  // Each test starts from the same players, whatever the one before it granted or took.
  beforeEach(async () => {
    world = await freshPlayersWorld(current().database);
    // Make updated_at visibly old, so "set to now()" is observable.
    await current().database.query(`UPDATE users SET updated_at = '2020-01-01 00:00:00'`);
  });

  it('grants coins: balance up, a STAFF_GRANT row naming the staff, updated_at now, an audit row', async () => {
    const result = await caller().players.grantCurrency({ playerId: NYX, amount: '1,000', reason: 'Outage compensation' });
    expect(result).toMatchObject({ balanceBefore: 1200n, balance: 2200n, relatedUserId: null });
    expect(await balanceOf(NYX)).toBe(2200n);
    const row = await ledgerRow(result.transactionId);
    expect(row).toMatchObject({ userId: NYX, relatedUserId: null, amount: 1000n, type: 'STAFF_GRANT' });
    // The staff member is not a player, so the FK column stays NULL and the description names them.
    expect(row.description).toBe(`Granted by staff ${testStaff.name} (${testStaff.id}): Outage compensation`);
    expect((await userRow(db(), NYX)).updatedAt.getUTCFullYear()).toBeGreaterThan(2020);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.procedure, 'players.grantCurrency')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ outcome: 'ok', actorId: testStaff.id });
    expect((audit!.input as Record<string, unknown>).reason).toBe('Outage compensation');
    expect((audit!.input as Record<string, unknown>).playerId).toBe(NYX.toString());
  });

  it('names a staff member who also plays as the related party', async () => {
    const asPlayer = callerFor(createTestServices(current().database, { identity: PLAYING_STAFF }));
    const coins = await asPlayer.players.grantCurrency({ playerId: EMBER, amount: 5n, reason: 'Event prize' });
    expect(coins.relatedUserId).toBe(PLAYING_STAFF.id);
    expect((await ledgerRow(coins.transactionId)).relatedUserId).toBe(PLAYING_STAFF.id);
    const items = await asPlayer.players.grantItem({ playerId: EMBER, itemId: world.sunpetal, quantity: 1n, reason: 'Event prize' });
    expect((await itemLedgerRow(items.itemTransactionId)).relatedUserId).toBe(PLAYING_STAFF.id);
    // And the ledger view shows their username as the other party.
    const page = await caller().players.currencyLedger({ playerId: EMBER, type: 'STAFF_GRANT' });
    expect(page.entries[0]?.relatedUser).toEqual({ id: PLAYING_STAFF.id, username: 'modplayer' });
  });

  it('takes coins with a negative STAFF_TAKE row, down to exactly zero', async () => {
    const result = await caller().players.takeCurrency({ playerId: EMBER, amount: 105n, reason: 'Duplicated reward' });
    expect(result).toMatchObject({ balanceBefore: 300n, balance: 195n });
    expect(await ledgerRow(result.transactionId)).toMatchObject({ amount: -105n, type: 'STAFF_TAKE', relatedUserId: null });
    expect((await ledgerRow(result.transactionId)).description).toContain('Taken by staff Test Moderator');
    const all = await caller().players.takeCurrency({ playerId: EMBER, amount: 195n, reason: 'Reset the account' });
    expect(all.balance).toBe(0n);
  });

  it('takes the whole balance as reviewed, and refuses it once the balance has moved', async () => {
    const all = await caller().players.takeCurrency({ playerId: EMBER, amount: 300n, reason: 'Reset the account', wholeBalance: true });
    expect(all).toMatchObject({ balanceBefore: 300n, balance: 0n });

    // The bot paid NYX a daily reward after the review: "all" is no longer 1,200.
    await current().database.query('UPDATE users SET balance = balance + 50 WHERE id = $1', [NYX.toString()]);
    const rows = await db().$count(s.transactions);
    const moved = await rejectionOf(caller().players.takeCurrency({ playerId: NYX, amount: 1200n, reason: 'Reset the account', wholeBalance: true }));
    expect(moved.code).toBe('BAD_REQUEST');
    expect(moved.message).toContain("nyx's balance changed since the review: it is 1,250 now, not 1,200");
    expect(moved.data.fieldErrors?.amount?.[0]).toBe('The balance is 1,250 now');
    expect(await balanceOf(NYX)).toBe(1250n);
    expect(await db().$count(s.transactions)).toBe(rows);
  });

  it('refuses a take beyond the balance, saying the balance, changing nothing', async () => {
    const before = await userRow(db(), NYX);
    const rows = await db().$count(s.transactions);
    const error = await rejectionOf(caller().players.takeCurrency({ playerId: NYX, amount: 1201n, reason: 'Too much' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('nyx has 1,200 coins: cannot take 1,201');
    expect(error.data.fieldErrors?.amount?.[0]).toContain('1,200');
    expect(await userRow(db(), NYX)).toEqual(before);
    expect(await db().$count(s.transactions)).toBe(rows);
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.procedure, 'players.takeCurrency')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ outcome: 'error', errorCode: 'BAD_REQUEST' });
  });

  it('validates amounts and reasons before touching anything', async () => {
    for (const amount of ['0', '-5', '1.5', 'abc', (2n ** 63n).toString(), 0n, -1n]) {
      const error = await rejectionOf(caller().players.grantCurrency({ playerId: NYX, amount, reason: 'Valid reason' }));
      expect(error.code, `amount ${String(amount)}`).toBe('BAD_REQUEST');
      expect(Object.keys(error.data.fieldErrors ?? {}), `amount ${String(amount)}`).toEqual(['amount']);
    }
    const noReason = await rejectionOf(caller().players.grantCurrency({ playerId: NYX, amount: 1n, reason: '  ' }));
    expect(noReason.code).toBe('BAD_REQUEST');
    expect(Object.keys(noReason.data.fieldErrors ?? {})).toEqual(['reason']);
    const longReason = await rejectionOf(caller().players.grantCurrency({ playerId: NYX, amount: 1n, reason: 'x'.repeat(201) }));
    expect(longReason.code).toBe('BAD_REQUEST');
    expect(await balanceOf(NYX)).toBe(1200n);
  });

  it('accepts the largest amount and refuses a grant that would overflow the balance', async () => {
    const max = 2n ** 63n - 1n;
    const fill = await caller().players.grantCurrency({ playerId: QUIET, amount: max, reason: 'Edge of int8' });
    expect(fill.balance).toBe(max);
    const error = await rejectionOf(caller().players.grantCurrency({ playerId: QUIET, amount: 1n, reason: 'One more' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(await balanceOf(QUIET)).toBe(max);
    await caller().players.takeCurrency({ playerId: QUIET, amount: max, reason: 'Back to zero' });
    expect(await balanceOf(QUIET)).toBe(0n);
  });

  it('answers NOT_FOUND for unknown players and items', async () => {
    const ghost = 1500000000000000000n;
    expect((await rejectionOf(caller().players.grantCurrency({ playerId: ghost, amount: 1n, reason: 'Nobody' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(caller().players.takeCurrency({ playerId: ghost, amount: 1n, reason: 'Nobody' }))).code).toBe('NOT_FOUND');
    expect((await rejectionOf(caller().players.grantItem({ playerId: ghost, itemId: world.moonstone, quantity: 1n, reason: 'Nobody' }))).code).toBe('NOT_FOUND');
    const noItem = await rejectionOf(caller().players.grantItem({ playerId: NYX, itemId: 999_999, quantity: 1n, reason: 'No item' }));
    expect(noItem.code).toBe('NOT_FOUND');
    expect(noItem.message).toContain('Item #999999');
  });

  it('grants items: a new stack, then onto the stack, each with a +N row', async () => {
    const fresh = await caller().players.grantItem({ playerId: NYX, itemId: world.sunpetal, quantity: '2', reason: 'Quest fix' });
    expect(fresh).toMatchObject({ quantityBefore: 0n, quantity: 2n });
    const more = await caller().players.grantItem({ playerId: NYX, itemId: world.moonstone, quantity: 4n, reason: 'Quest fix' });
    expect(more).toMatchObject({ quantityBefore: 3n, quantity: 7n });
    expect(await heldQuantity(db(), NYX, world.moonstone)).toBe(7n);
    const row = await itemLedgerRow(more.itemTransactionId);
    expect(row).toMatchObject({ userId: NYX, itemId: world.moonstone, quantity: 4n, type: 'STAFF_GRANT', relatedUserId: null });
    expect(row.description).toBe(`Granted by staff ${testStaff.name} (${testStaff.id}): Quest fix`);
  });

  it('removes items with a -N row, deleting the stack at zero, never below', async () => {
    const part = await caller().players.removeItem({ playerId: NYX, itemId: world.moonstone, quantity: 1n, reason: 'Exploit' });
    expect(part).toMatchObject({ quantityBefore: 3n, quantity: 2n });
    expect(await itemLedgerRow(part.itemTransactionId)).toMatchObject({ quantity: -1n, type: 'STAFF_TAKE' });
    const tooMany = await rejectionOf(caller().players.removeItem({ playerId: NYX, itemId: world.moonstone, quantity: 3n, reason: 'Exploit' }));
    expect(tooMany.code).toBe('BAD_REQUEST');
    expect(tooMany.message).toContain('nyx holds 2 × Moonstone: cannot remove 3');
    expect(await heldQuantity(db(), NYX, world.moonstone)).toBe(2n);
    const rest = await caller().players.removeItem({ playerId: NYX, itemId: world.moonstone, quantity: 2n, reason: 'Exploit' });
    expect(rest.quantity).toBe(0n);
    expect(await heldQuantity(db(), NYX, world.moonstone)).toBeUndefined();
    const none = await rejectionOf(caller().players.removeItem({ playerId: NYX, itemId: world.moonstone, quantity: 1n, reason: 'Exploit' }));
    expect(none.message).toContain('nyx holds 0 × Moonstone');
    const { rows } = await current().database.query<{ n: number }>('SELECT count(*)::int AS n FROM inventory WHERE quantity <= 0');
    expect(rows[0]?.n).toBe(0);
  });

  it('clears a timer, and says so when there is none', async () => {
    const result = await caller().players.clearTimer({ playerId: NYX, type: 'COOLDOWN', key: 'daily', reason: 'Stuck cooldown' });
    expect(result.cleared).toBe(true);
    expect((await caller().players.timers({ playerId: NYX })).map((t) => t.key)).toEqual(['luck']);
    const again = await rejectionOf(caller().players.clearTimer({ playerId: NYX, type: 'COOLDOWN', key: 'daily', reason: 'Stuck cooldown' }));
    expect(again.code).toBe('NOT_FOUND');
  });

  it('sets the active flag, stamping updated_at, and is a no-op when already so', async () => {
    await current().database.query(`UPDATE users SET updated_at = '2020-01-01 00:00:00' WHERE id = $1`, [EMBER.toString()]);
    const off = await caller().players.setActive({ playerId: EMBER, active: false, reason: 'Left the server' });
    expect(off.changed).toBe(true);
    const row = await userRow(db(), EMBER);
    expect(row.isActive).toBe(false);
    expect(row.updatedAt.getUTCFullYear()).toBeGreaterThan(2020);
    const again = await caller().players.setActive({ playerId: EMBER, active: false, reason: 'Left the server' });
    expect(again.changed).toBe(false);
    await caller().players.setActive({ playerId: EMBER, active: true, reason: 'Came back' });
    expect((await userRow(db(), EMBER)).isActive).toBe(true);
  });

  it('changes class, clears it, and refuses an unknown class', async () => {
    await caller().players.changeClass({ playerId: EMBER, classId: WARDEN.toString(), expectedClassId: SEER, reason: 'Asked in ticket' });
    expect((await userRow(db(), EMBER)).classId).toBe(WARDEN);
    await caller().players.changeClass({ playerId: EMBER, classId: null, reason: 'Respec' });
    expect((await userRow(db(), EMBER)).classId).toBeNull();
    const unknown = await rejectionOf(caller().players.changeClass({ playerId: EMBER, classId: 77n, reason: 'Typo' }));
    expect(unknown.code).toBe('NOT_FOUND');
    await caller().players.changeClass({ playerId: EMBER, classId: SEER, reason: 'Restore' });
  });

  it('refuses a class change based on a stale view with CONFLICT naming who changed it', async () => {
    const jane = callerFor(createTestServices(current().database, { identity: { id: 1100000000000000002n, name: 'Jane' } }));
    // Jane moves Ember to Warden; we still saw Seer.
    await jane.players.changeClass({ playerId: EMBER, classId: WARDEN, expectedClassId: SEER, reason: 'Ticket 12' });
    const stale = await rejectionOf(caller().players.changeClass({ playerId: EMBER, classId: null, expectedClassId: SEER, reason: 'Ticket 13' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('now Warden');
    expect(stale.message).toContain('by Jane');
    expect(stale.data.conflict?.changedBy).toBe('Jane');
    expect((await userRow(db(), EMBER)).classId).toBe(WARDEN);
    // A change by the bot (not in the audit log) is named as such.
    await current().database.query('UPDATE users SET class_id = NULL, updated_at = now() WHERE id = $1', [EMBER.toString()]);
    const outside = await rejectionOf(caller().players.changeClass({ playerId: EMBER, classId: SEER, expectedClassId: WARDEN, reason: 'Ticket 14' }));
    expect(outside.message).toContain('outside Aurora Desk');
  });

  it('requires a staff identity and a writable database for every action', async () => {
    const anonymous = callerFor(createTestServices(current().database, { identity: null }));
    const error = await rejectionOf(anonymous.players.grantCurrency({ playerId: NYX, amount: 1n, reason: 'No identity' }));
    expect(error.code).toBe('PRECONDITION_FAILED');
    const readOnly = callerFor(createTestServices(current().database, { readOnlyReason: 'Read-only replica' }));
    expect((await rejectionOf(readOnly.players.grantItem({ playerId: NYX, itemId: world.sunpetal, quantity: 1n, reason: 'Read only' }))).code).toBe(
      'PRECONDITION_FAILED',
    );
    expect(await balanceOf(NYX)).toBe(1200n);
    expect(await heldQuantity(db(), NYX, world.sunpetal)).toBeUndefined();
  });
  it('rolls the grant back and answers an error when its audit row cannot be written', async () => {
    // A trigger standing in for any reason the audit insert fails (a full disk, a lost grant).
    await current().database.query(`CREATE FUNCTION refuse_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$`);
    await current().database.query(`CREATE TRIGGER refuse_audit BEFORE INSERT ON aurora_desk.audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit_row()`);
    try {
      const ledgerBefore = await db().select({ id: s.transactions.id }).from(s.transactions).where(eq(s.transactions.userId, NYX));
      const refused = await rejectionOf(caller().players.grantCurrency({ playerId: NYX, amount: 1_000_000n, reason: 'No record, no grant' }));
      expect(refused.message).toBe('The change was not saved: its audit record could not be written. The details are in the log.');
      expect(await balanceOf(NYX)).toBe(1200n);
      expect(await db().select({ id: s.transactions.id }).from(s.transactions).where(eq(s.transactions.userId, NYX))).toEqual(ledgerBefore);
    } finally {
      await current().database.query('DROP TRIGGER refuse_audit ON aurora_desk.audit_log');
      await current().database.query('DROP FUNCTION refuse_audit_row()');
    }
  });
});
