/**
 * The planner's row estimate that decides whether a table counts as large (queue counts and
 * economy sums reused, indexes built concurrently): 0 before the first ANALYZE, the table's size
 * after it, summed over several tables, and a table that does not exist adds nothing.
 */
import { expect, it } from 'vitest';
import { estimatedRows } from '../../src/main/db/estimated-rows.js';
import { describeOnBothDrivers } from '../fixtures/databases.js';

describeOnBothDrivers('estimated rows', (current) => {
  it('reads 0 before ANALYZE, the sizes after it, and skips a missing table', async () => {
    const { database } = current();
    // Tables of the test's own, with autovacuum off: nothing analyses them behind its back.
    for (const [table, rows] of [
      ['estimate_big', 300],
      ['estimate_small', 7],
    ] as const) {
      await database.query(`CREATE TABLE ${table} (n int) WITH (autovacuum_enabled = false)`);
      await database.query(`INSERT INTO ${table} SELECT g FROM generate_series(1, ${rows}) AS g`);
    }
    expect(await estimatedRows(database.db, ['estimate_big'])).toBe(0);

    await database.query('ANALYZE estimate_big');
    await database.query('ANALYZE estimate_small');
    expect(await estimatedRows(database.db, ['estimate_big'])).toBe(300);
    expect(await estimatedRows(database.db, ['estimate_big', 'estimate_small'])).toBe(307);
    expect(await estimatedRows(database.db, ['estimate_big', 'no_such_table', '"estimate_small"'])).toBe(307);
    expect(await estimatedRows(database.db, [])).toBe(0);
  });
});
