/**
 * First run: a host that cannot reach its database still starts and says why; the embedded
 * profile is then created, migrated and seeded with the demo world, once; the next session
 * opens it as it was, without seeding again.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSeedOptions } from '../../src/main/db/seed.js';
import { createDeskHost } from '../../src/main/host.js';
import { settingsPath } from '../../src/main/core/settings-store/file.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { recordingLogger } from '../fixtures/logger.js';
import { callerFor } from '../fixtures/services.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aurora-first-run-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function countOf(query: (text: string) => Promise<{ rows: { n: string }[] }>, table: string): Promise<number> {
  return Number((await query(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]?.n);
}

describe('the first run', () => {
  it('starts without a database when AURORA_DATABASE_URL is unreachable, and says why', async () => {
    const log = recordingLogger();
    const host = await createDeskHost({
      dataDir,
      cipher: createKeyFileCipher(dataDir),
      log,
      databaseUrlOverride: 'postgres://aurora:secret-pw@127.0.0.1:1/aurora',
    });
    try {
      expect(host.connection()).toMatchObject({ profileId: 'env', label: '127.0.0.1:1/aurora', problem: expect.stringMatching(/connection refused/) });
      expect(() => host.database()).toThrow(/No database is open: Nothing answers at 127\.0\.0\.1:1\/aurora/);
      expect(host.live().status()).toMatchObject({ mode: 'offline', reason: expect.stringMatching(/connection refused/) });
      const caller = callerFor(host);
      // Settings still work: that is where the fix is made.
      expect((await caller.settings.get()).overriddenBy).toBe('127.0.0.1:1/aurora');
      await expect(caller.audit.list({})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(JSON.parse(await readFile(settingsPath(dataDir), 'utf8')).activeProfileId).toBe('embedded');
      expect(log.messages).toContain('could not open the database');
    } finally {
      await host.close();
    }
  });

  it('creates, migrates and seeds the embedded demo once, and reopens it as it was', { timeout: 240_000 }, async () => {
    const first = recordingLogger();
    const host = await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log: first });
    let players: number;
    let cases: number;
    try {
      expect(host.connection()).toEqual({ profileId: 'embedded', driver: 'pglite', label: 'embedded' });
      expect(first.messages).toContain('seeded the embedded demo database');
      expect(host.schemaReport()?.ok).toBe(true);
      const query = (text: string) => host.database().query<{ n: string }>(text);
      players = await countOf(query, 'users');
      cases = await countOf(query, 'moderation_cases');
      expect(players).toBe(demoSeedOptions.users);
      expect(cases).toBe(demoSeedOptions.cases);
      expect(await countOf(query, 'lootdrops')).toBeGreaterThan(0);
      expect(host.live().status().mode).not.toBe('offline');
    } finally {
      await host.close();
    }

    const second = recordingLogger();
    const again = await createDeskHost({ dataDir, cipher: createKeyFileCipher(dataDir), log: second });
    try {
      expect(second.messages).not.toContain('seeded the embedded demo database');
      const query = (text: string) => again.database().query<{ n: string }>(text);
      expect(await countOf(query, 'users')).toBe(players);
      expect(await countOf(query, 'moderation_cases')).toBe(cases);
      // Switching to the profile already open reopens nothing.
      const same = again.database();
      await expect(callerFor(again).settings.switchProfile({ id: 'embedded' })).resolves.toMatchObject({ profileId: 'embedded', seeded: false });
      expect(again.database()).toBe(same);
    } finally {
      await again.close();
    }
  });
});
