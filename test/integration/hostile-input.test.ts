/**
 * Property-based: every mutation of the real appRouter (enumerated from its definition) is
 * sent inputs its schema rejects — wrong types, 100 kB strings, NUL and lone surrogates,
 * negative and overflowing bigints, unknown enum values, 2 000-deep JSON, prototype-pollution
 * keys — and must answer BAD_REQUEST with field errors the renderer can show (naming the
 * field that was wrong, or, when text holds U+0000, which every procedure refuses first, where
 * that text is), never anything else, and leave every table exactly as it was
 * (fingerprinted before and after). The audit log may only gain bounded "refused" rows.
 * Runs kept small (2 cores): a fixed seed per procedure, so a failure replays.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../src/main/db/seed.js';
import { createDeskHost, type DeskHost } from '../../src/main/host.js';
import { silentLogger } from '../../src/main/core/log.js';
import { settingsPath } from '../../src/main/core/settings-store/file.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { describeOnBothDrivers, SMALL_WORLD } from '../fixtures/databases.js';
import { callerFor, createTestServices, testStaff } from '../fixtures/services.js';
import { acceptedBy, fingerprintTables, listMutations, procedureAt, rejectedInput } from '../fixtures/hostile-input-kit.js';
import { rejectionOf } from '../fixtures/rejection.js';
import { findNulText } from '../../src/shared/input-bounds.js';

const RUNS = 18;
const mutations = listMutations();

function seedFor(path: string): number {
  let hash = 7;
  for (const char of path) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return hash;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof Map) && !(value instanceof Set);

let settingsDir: string;
let settingsHost: DeskHost;

beforeAll(async () => {
  // Settings procedures need a real settings host; its own embedded database is not used here.
  settingsDir = await mkdtemp(join(tmpdir(), 'aurora-hostile-'));
  settingsHost = await createDeskHost({ dataDir: settingsDir, cipher: createKeyFileCipher(settingsDir), log: silentLogger, seedDemo: false });
}, 120_000);

afterAll(async () => {
  await settingsHost?.close();
  await rm(settingsDir, { recursive: true, force: true });
});

describe('the router definition', () => {
  it('has the write procedures this test is meant to cover', () => {
    const paths = mutations.map((m) => m.path);
    expect(paths.length).toBeGreaterThanOrEqual(30);
    for (const area of ['settings.', 'players.', 'moderation.', 'quests.', 'items.', 'lootdrops.']) {
      expect(paths.some((p) => p.startsWith(area)), area).toBe(true);
    }
  });
});

describeOnBothDrivers('hostile input to every write procedure', (current) => {
  beforeAll(async () => {
    // A small world, so ids that the inputs name can exist.
    await seedDatabase(current().database, SMALL_WORLD);
  }, 120_000);

  for (const mutation of mutations) {
    it(`${mutation.path} refuses what its schema refuses, and changes nothing`, async () => {
      const { database } = current();
      const desk = createTestServices(database, { identity: testStaff, settings: settingsHost });
      const call = procedureAt(callerFor(desk), mutation.path);
      const tablesBefore = await fingerprintTables(database);
      const settingsBefore = await readFile(settingsPath(settingsDir), 'utf8');
      const { rows: auditMark } = await database.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM aurora_desk.audit_log');

      await fc.assert(
        fc.asyncProperty(rejectedInput(mutation), async ({ input, field, value }) => {
          const refused = await rejectionOf(call(input), mutation.path);
          expect(refused.code, refused.message).toBe('BAD_REQUEST');
          // What the renderer receives: the formatted error.
          const named = Object.keys(refused.data.fieldErrors ?? {});
          expect(named.length + (refused.data.formErrors ?? []).length, 'no field or form error to show').toBeGreaterThan(0);
          expect(JSON.stringify({ message: refused.message, data: refused.data }).length, 'the answer echoes the input').toBeLessThan(20_000);
          // Text holding U+0000 is refused before the schema runs (api/trpc.ts), naming where it is.
          const nul = findNulText(input).map((path) => path.join('.'));
          if (nul.length > 0) {
            // Each place is a field error; text as the whole input (path "") is a form error.
            expect([...named].sort(), 'the refusal names the text holding U+0000').toEqual(nul.filter((path) => path !== '').sort());
            return;
          }
          const fieldSchema = field ? mutation.fieldSchemas.get(field) : undefined;
          if (mutation.isObject && field && fieldSchema && isPlainObject(input) && !acceptedBy(fieldSchema, value)) {
            expect(named.some((key) => key === field || key.startsWith(`${field}.`)), `field "${field}" not named in ${named.join(', ')}`).toBe(true);
          }
        }),
        { numRuns: RUNS, seed: seedFor(mutation.path), endOnFailure: true },
      );

      expect(await fingerprintTables(database)).toEqual(tablesBefore);
      expect(await readFile(settingsPath(settingsDir), 'utf8')).toBe(settingsBefore);
      // Refused calls are audited as refused, and a 100 kB input leaves a short summary.
      const { rows: added } = await database.query<{ outcome: string; error_code: string | null; size: number }>(
        `SELECT outcome, error_code, length(input::text) AS size FROM aurora_desk.audit_log WHERE id > $1`,
        [auditMark[0]!.id],
      );
      for (const row of added) {
        expect(row).toMatchObject({ outcome: 'error', error_code: 'BAD_REQUEST' });
        expect(row.size).toBeLessThan(10_000);
      }
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
    }, 120_000);
  }
});
