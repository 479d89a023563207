import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { redactText, redactValue } from '../../src/main/core/redact.js';
import { createFileLogger } from '../../src/main/electron/log-file.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aurora-log-'));
  dirs.push(dir);
  return dir;
}
async function lines(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('redaction', () => {
  it('removes known secret values wherever they appear', () => {
    expect(redactText('token is mfa.ABCdef123 here and again mfa.ABCdef123', ['mfa.ABCdef123', ''])).toBe('token is [redacted] here and again [redacted]');
  });

  it('removes the password part of postgres URLs and conninfo strings, keeping user and host', () => {
    expect(redactText('connect postgres://aurora:s3cr%40t@db.example:5432/aurora failed')).toBe('connect postgres://aurora:[redacted]@db.example:5432/aurora failed');
    expect(redactText('postgresql://bot:p@ss@10.0.0.5/aurora')).toBe('postgresql://bot:[redacted]@10.0.0.5/aurora');
    expect(redactText('postgres://nopass@localhost/aurora')).toBe('postgres://nopass@localhost/aurora');
    expect(redactText("host=db user=bot password='it\\'s secret' dbname=x")).toBe('host=db user=bot password=[redacted] dbname=x');
    expect(redactText('host=db password=hunter2 dbname=x')).toBe('host=db password=[redacted] dbname=x');
    expect(redactText('Authorization: Bot MTEwMDAwMDAwMDAwMDAwMDAx.GhIjKl.abcdefghijklmnopqrstuvwxyz')).toBe('Authorization: Bot [redacted]');
  });

  it('blanks secret-looking keys at any depth and makes every value JSON-safe', () => {
    const error = Object.assign(new Error('login failed for postgres://u:pw1@h/d'), { code: '28P01' });
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    const out = redactValue(
      {
        discordToken: 'abc',
        nested: { Password: 'x', apiKey: 'k', authorization: 'Bot y', keep: 'visible' },
        list: [{ secret: 's' }, 12n],
        empty: { token: '' },
        at: new Date(0),
        error,
        circular,
        note: 'uses the-known-secret',
      },
      ['the-known-secret'],
    ) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(out.discordToken).toBe('[redacted]');
    expect(out.nested).toEqual({ Password: '[redacted]', apiKey: '[redacted]', authorization: '[redacted]', keep: 'visible' });
    expect(out.list).toEqual([{ secret: '[redacted]' }, '12']);
    expect(out.empty).toEqual({ token: '' });
    expect(out.at).toBe('1970-01-01T00:00:00.000Z');
    expect(out.error.message).toBe('login failed for postgres://u:[redacted]@h/d');
    expect(out.error.code).toBe('28P01');
    expect(out.error.stack).not.toMatch(/pw1/);
    expect(out.circular.self).toBe('[circular]');
    expect(out.note).toBe('uses [redacted]');
    expect(JSON.stringify(out)).not.toMatch(/pw1|the-known-secret|"abc"/);
  });
});

describe('createFileLogger', () => {
  it('writes JSON lines with level, time, message and fields, secrets redacted', async () => {
    const dir = await tempDir();
    let token = 'first-token-value';
    const log = createFileLogger({ dir, secrets: () => [token] });
    log.info('database opened', { url: 'postgres://bot:hunter2@db/aurora', rows: 3n });
    log.warn(`discord said no to ${token}`);
    token = 'rotated-token-value';
    log.error('spawn failed', { error: new Error('401 for rotated-token-value'), message: 'shadowed' });
    await log.close();
    log.info('after close is dropped');
    const written = await lines(log.path);
    expect(written.map((l) => l.level)).toEqual(['info', 'warn', 'error']);
    expect(written[0]).toMatchObject({ message: 'database opened', url: 'postgres://bot:[redacted]@db/aurora', rows: '3' });
    expect(typeof written[0]?.at).toBe('string');
    expect(written[1]?.message).toBe('discord said no to [redacted]');
    expect(written[2]).toMatchObject({ message: 'spawn failed', field_message: 'shadowed' });
    const text = await readFile(log.path, 'utf8');
    expect(text).not.toMatch(/hunter2|first-token-value|rotated-token-value/);
  });

  it('rotates by size and keeps only maxFiles old files', async () => {
    const dir = await tempDir();
    const log = createFileLogger({ dir, maxBytes: 300, maxFiles: 2 });
    for (let i = 0; i < 40; i++) log.info(`line ${i}`, { padding: 'x'.repeat(40) });
    await log.close();
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['aurora-desk.log', 'aurora-desk.log.1', 'aurora-desk.log.2']);
    const longest = Math.max(...(await lines(join(dir, 'aurora-desk.log.1'))).map((l) => JSON.stringify(l).length + 1));
    for (const file of files) {
      // A file is rotated by the write that takes it to maxBytes: never more than one line past it.
      expect((await readFile(join(dir, file))).byteLength).toBeLessThan(300 + longest);
    }
    const kept = [...(await lines(join(dir, 'aurora-desk.log.2'))), ...(await lines(join(dir, 'aurora-desk.log.1'))), ...(await lines(join(dir, 'aurora-desk.log')))];
    const numbers = kept.map((l) => Number(String(l.message).slice(5)));
    // The newest lines, in order, with nothing missing between them; the earliest rotated away.
    expect(numbers.at(-1)).toBe(39);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    expect(numbers[0]).toBeGreaterThan(0);
  });

  it('continues an existing file and counts its size', async () => {
    const dir = await tempDir();
    const first = createFileLogger({ dir, maxBytes: 200 });
    first.info('one', { padding: 'y'.repeat(100) });
    await first.close();
    expect((await readdir(dir)).sort()).toEqual(['aurora-desk.log']);
    const second = createFileLogger({ dir, maxBytes: 200 });
    second.info('two', { padding: 'y'.repeat(100) });
    await second.close();
    // The second run appended to the first's file, and its size counted: together they passed 200 bytes.
    expect((await lines(join(dir, 'aurora-desk.log.1'))).map((l) => l.message)).toEqual(['one', 'two']);
    expect(await lines(join(dir, 'aurora-desk.log'))).toEqual([]);
  });
});
