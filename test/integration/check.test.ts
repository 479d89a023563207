import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkSchema, formatSchemaReport, type SchemaDifference, type SchemaReport } from '../../src/main/db/check.js';
import { openDatabase } from '../../src/main/core/database.js';
import { adminQuery, createMigratedDatabase, createScratchDatabase, drivers, skipReason, type ScratchDatabase } from '../fixtures/databases.js';

function find(report: SchemaReport, kind: string, table: string, column?: string): SchemaDifference | undefined {
  return report.differences.find((d) => d.kind === kind && d.table === table && (column === undefined || d.column === column));
}

const errorsOf = (report: SchemaReport) => report.differences.filter((d) => d.severity === 'error');

for (const driver of drivers) {
  const reason = skipReason(driver);
  if (reason) console.warn(`[schema check on ${driver}] skipped: ${reason}`);

  describe.skipIf(Boolean(reason))(`schema check (${driver})`, () => {
    const opened: ScratchDatabase[] = [];
    let shared: ScratchDatabase | undefined;
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.drop()));
    });
    afterAll(async () => {
      await shared?.drop();
    });

    /**
     * A freshly migrated database broken by `sql` (scratch databases are ours to ALTER).
     * On PostgreSQL each break gets its own scratch database. PGlite has one connection, so the
     * break runs inside a transaction on one shared database and is rolled back after the check:
     * the same isolation, without paying for a new in-memory instance per case.
     */
    async function brokenWith(sql: string): Promise<SchemaReport> {
      if (driver === 'pglite') {
        shared ??= await createMigratedDatabase(driver);
        const pglite = shared.database.pglite!;
        await pglite.exec(`BEGIN; ${sql}`);
        try {
          return await checkSchema(shared.database);
        } finally {
          await pglite.exec('ROLLBACK');
        }
      }
      const scratch = await createMigratedDatabase(driver);
      opened.push(scratch);
      await scratch.database.pool!.query(sql);
      return checkSchema(scratch.database);
    }

    it('passes on a freshly migrated database, with nothing to report', async () => {
      const report = await brokenWith('SELECT 1');
      expect(report.empty).toBe(false);
      expect(report.differences).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.checkedAt).toBeInstanceOf(Date);
      expect(formatSchemaReport(report)).toMatch(/^Schema check: OK/);
    });

    it('reports an empty database as empty (and creatable), not as eleven missing tables', async () => {
      const scratch = await createScratchDatabase(driver);
      opened.push(scratch);
      const report = await checkSchema(scratch.database);
      expect(report.empty).toBe(true);
      expect(report.ok).toBe(false);
      expect(report.differences).toEqual([]);
      expect(formatSchemaReport(report)).toContain('empty');
    });

    it('finds a dropped column', async () => {
      const report = await brokenWith('ALTER TABLE users DROP COLUMN daily_streak');
      expect(report.ok).toBe(false);
      expect(find(report, 'missing-column', 'users', 'daily_streak')).toMatchObject({ severity: 'error', expected: 'integer' });
      expect(errorsOf(report)).toHaveLength(1);
      expect(formatSchemaReport(report)).toMatch(/ERROR\s+users\.daily_streak\s+Column users\.daily_streak is missing/);
    });

    it('finds a changed varchar length and an int widened to bigint', async () => {
      const report = await brokenWith(
        'ALTER TABLE moderation_cases ALTER COLUMN case_id TYPE varchar(30); ALTER TABLE users ALTER COLUMN level TYPE bigint',
      );
      expect(find(report, 'length', 'moderation_cases', 'case_id')).toMatchObject({
        severity: 'error',
        expected: 'character varying(50)',
        actual: 'character varying(30)',
      });
      expect(find(report, 'type', 'users', 'level')).toMatchObject({ severity: 'error', expected: 'integer', actual: 'bigint' });
      expect(errorsOf(report)).toHaveLength(2);
    });

    it('finds a missing table', async () => {
      const report = await brokenWith('DROP TABLE lootdrops');
      expect(report.empty).toBe(false);
      expect(find(report, 'missing-table', 'lootdrops')).toMatchObject({ severity: 'error' });
      expect(errorsOf(report)).toHaveLength(1);
    });

    it('finds a missing unique, and accepts a plain unique index in its place', async () => {
      const report = await brokenWith('ALTER TABLE items DROP CONSTRAINT items_name_unique');
      expect(find(report, 'missing-unique', 'items', 'name')).toMatchObject({ severity: 'error', expected: '(name)' });
      expect(errorsOf(report)).toHaveLength(1);

      const again = await brokenWith('ALTER TABLE items DROP CONSTRAINT items_name_unique; CREATE UNIQUE INDEX bot_items_name ON items (name)');
      expect(again.ok).toBe(true);
      // A partial unique index does not make the whole column unique.
      const partial = await brokenWith(
        `ALTER TABLE classes DROP CONSTRAINT classes_name_unique; CREATE UNIQUE INDEX bot_classes_name ON classes (name) WHERE role_id IS NOT NULL`,
      );
      expect(find(partial, 'missing-unique', 'classes', 'name')).toBeDefined();
    });

    it('finds a missing foreign key, and a foreign key pointing elsewhere', async () => {
      const report = await brokenWith('ALTER TABLE inventory DROP CONSTRAINT inventory_user_id_users_id_fk');
      expect(find(report, 'missing-foreign-key', 'inventory', 'user_id')).toMatchObject({
        severity: 'error',
        expected: '(user_id) -> users(id)',
      });
      expect(errorsOf(report)).toHaveLength(1);

      const elsewhere = await brokenWith(
        `ALTER TABLE lootdrops DROP CONSTRAINT lootdrops_claimed_by_users_id_fk;
         ALTER TABLE lootdrops ADD CONSTRAINT lootdrops_claimer FOREIGN KEY (claimed_by) REFERENCES classes (id)`,
      );
      expect(find(elsewhere, 'foreign-key', 'lootdrops', 'claimed_by')).toMatchObject({ severity: 'error', actual: '(claimed_by) -> classes(id)' });
    });

    it('finds a missing check, and matches an equivalent check under another name', async () => {
      const report = await brokenWith('ALTER TABLE inventory DROP CONSTRAINT inventory_quantity_positive');
      expect(find(report, 'missing-check', 'inventory')).toMatchObject({ severity: 'error', expected: 'quantity>0' });
      expect(errorsOf(report)).toHaveLength(1);

      const renamed = await brokenWith(
        'ALTER TABLE inventory DROP CONSTRAINT inventory_quantity_positive; ALTER TABLE inventory ADD CONSTRAINT qty_ok CHECK (quantity > 0)',
      );
      expect(renamed.ok).toBe(true);
      expect(renamed.differences).toEqual([]);

      const loosened = await brokenWith(
        'ALTER TABLE inventory DROP CONSTRAINT inventory_quantity_positive; ALTER TABLE inventory ADD CONSTRAINT inventory_quantity_positive CHECK (quantity >= 0)',
      );
      expect(find(loosened, 'check', 'inventory')).toMatchObject({ severity: 'error' });
    });

    it('finds a missing composite primary key', async () => {
      const report = await brokenWith('ALTER TABLE user_timers DROP CONSTRAINT user_timers_user_id_type_key_pk');
      expect(find(report, 'missing-primary-key', 'user_timers')).toMatchObject({ severity: 'error', expected: '(user_id, type, key)' });
    });

    it('treats nullability and defaults as warnings and extras as notes: still ok', async () => {
      const report = await brokenWith(`
        ALTER TABLE users ALTER COLUMN username DROP NOT NULL;
        ALTER TABLE items ALTER COLUMN rarity SET DEFAULT 'Rare';
        ALTER TABLE users ALTER COLUMN level DROP DEFAULT;
        ALTER TABLE inventory DROP CONSTRAINT inventory_user_id_users_id_fk;
        ALTER TABLE inventory ADD CONSTRAINT inventory_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
        ALTER TABLE users ADD COLUMN guild_rank integer;
        CREATE TABLE bot_migrations (id serial PRIMARY KEY)`);
      expect(report.ok).toBe(true);
      expect(find(report, 'nullability', 'users', 'username')).toMatchObject({ severity: 'warning', expected: 'NOT NULL', actual: 'NULL' });
      expect(find(report, 'default', 'items', 'rarity')).toMatchObject({ severity: 'warning' });
      expect(find(report, 'default', 'users', 'level')).toMatchObject({ severity: 'warning', expected: '1' });
      expect(find(report, 'foreign-key-action', 'inventory', 'user_id')).toMatchObject({
        severity: 'warning',
        expected: 'ON DELETE cascade',
        actual: 'ON DELETE no action',
      });
      expect(find(report, 'extra-column', 'users', 'guild_rank')).toMatchObject({ severity: 'info' });
      expect(find(report, 'extra-table', 'bot_migrations')).toMatchObject({ severity: 'info' });
      expect(formatSchemaReport(report)).toMatch(/OK.*4 warnings, 2 notes/);
    });

    it('changes nothing: it runs in a read-only session', async () => {
      const scratch = await createMigratedDatabase(driver);
      opened.push(scratch);
      if (driver === 'pglite') {
        await scratch.database.pglite!.exec('SET default_transaction_read_only = on');
        const report = await checkSchema(scratch.database);
        expect(report.ok).toBe(true);
        return;
      }
      const name = new URL(scratch.url!).pathname.slice(1);
      await adminQuery(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
      const readOnly = await openDatabase({ kind: 'postgres', url: scratch.url!, poolSize: 2 });
      try {
        const probe = await readOnly.query<{ default_transaction_read_only: string }>('SHOW default_transaction_read_only');
        expect(probe.rows[0]?.default_transaction_read_only).toBe('on');
        const report = await checkSchema(readOnly);
        expect(report.ok).toBe(true);
      } finally {
        await readOnly.close();
      }
    });
  });
}
