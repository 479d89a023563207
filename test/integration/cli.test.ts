import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, skipReason, type ScratchDatabase } from '../fixtures/databases.js';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src', 'main', 'cli.ts');
/** The project's path aliases hold wherever the CLI is started from, as `npm run` starts it from the root. */
const tsconfig = join(root, 'tsconfig.json');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI the way `npm run db:*` does (tsx, plain Node), without AURORA_DATABASE_URL unless given. */
function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<Outcome> {
  const env = { ...process.env, ...options.env };
  if (!options.env?.AURORA_DATABASE_URL) delete env.AURORA_DATABASE_URL;
  return new Promise((done, fail) => {
    const child = spawn(tsx, ['--tsconfig', tsconfig, cli, ...args], { cwd: options.cwd ?? root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const tiny = ['--users', '30', '--cases', '50', '--transactions', '40', '--item-transactions', '20', '--quests', '5', '--quest-progress', '25', '--lootdrops', '10'];

describe('cli arguments', { timeout: 60_000 }, () => {
  it('answers 2 with usage for a missing or unknown command', async () => {
    const missing = await runCli([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing command.');
    expect(missing.stderr).toContain('Usage: tsx src/main/cli.ts <command>');
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  it('answers 2 for an unknown flag or a count that is not a number', async () => {
    const flag = await runCli(['check', '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--colour'/);
    const count = await runCli(['seed', '--users', 'lots']);
    expect(count.code).toBe(2);
    expect(count.stderr).toContain('--users must be a whole number (got "lots")');
    expect(count.stderr).toContain('Usage:');
  });

  it('prints usage with --help and exits 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--quest-progress N');
  });
});

const pgReason = skipReason('postgres');
if (pgReason) console.warn(`[cli on postgres] skipped: ${pgReason}`);

describe.skipIf(Boolean(pgReason))('cli against PostgreSQL', { timeout: 60_000 }, () => {
  let scratch: ScratchDatabase;
  let url: string;
  beforeAll(async () => {
    scratch = await createScratchDatabase('postgres');
    url = scratch.url!;
  });
  afterAll(async () => {
    await scratch?.drop();
  });

  it('check reports an empty database and exits 1', async () => {
    const result = await runCli(['check', '--database-url', url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('empty');
  });

  it('migrate creates the schema, checks it and exits 0', async () => {
    const result = await runCli(['migrate', '--database-url', url]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Bot tables: created');
    expect(result.stdout).toContain('Schema check: OK');
  });

  it('seed takes the URL from AURORA_DATABASE_URL, never prints its password, and refuses a second run', async () => {
    const withPassword = new URL(url);
    withPassword.password = 'hunter2-secret'; // trust auth ignores it; the CLI must not echo it
    const env = { AURORA_DATABASE_URL: withPassword.toString() };
    const result = await runCli(['seed', ...tiny, '--seed', '7'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Seeded "7"');
    expect(result.stdout).toMatch(/moderation_cases\s+50/);
    expect(result.stdout).toContain(`Database: ${withPassword.hostname}:${withPassword.port}${withPassword.pathname}`);
    const { rows } = await scratch.database.query<{ n: string }>('SELECT count(*)::text AS n FROM users');
    expect(rows[0]?.n).toBe('30');

    const again = await runCli(['seed', ...tiny], { env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Refusing to seed');
    for (const output of [result.stdout, result.stderr, again.stdout, again.stderr]) expect(output).not.toContain('hunter2');
  });

  it('check on a database that differs exits 1 with a readable report, and seed will not touch it', async () => {
    await scratch.database.query('ALTER TABLE users DROP COLUMN xp');
    const check = await runCli(['check', '--database-url', url]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('MISMATCH');
    expect(check.stdout).toMatch(/ERROR\s+users\.xp\s+Column users\.xp is missing/);
    const json = await runCli(['check', '--json', '--database-url', url]);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout.slice(json.stdout.indexOf('{'))) as { ok: boolean; differences: { kind: string }[] };
    expect(report.ok).toBe(false);
    expect(report.differences.map((d) => d.kind)).toContain('missing-column');
    const seed = await runCli(['seed', '--force', '--database-url', url]);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toContain('Not seeding');
  });

  it('exits 1 with a readable message when the server cannot be reached', async () => {
    const result = await runCli(['check', '--database-url', 'postgres://postgres@127.0.0.1:1/nowhere']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^check failed on the database: /);
  });
});

// PGlite boots from disk in a fresh process: the slowest start of all.
describe('cli on the embedded default', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'aurora-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds ./.aurora-data/pglite when no URL is given', async () => {
    const result = await runCli(['seed', ...tiny], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Database: embedded');
    expect(result.stdout).toContain('multi-row INSERT');
    expect(existsSync(join(dir, '.aurora-data', 'pglite'))).toBe(true);
  });
});
