/**
 * The settings file and its secrets, without a database: the key-file cipher, encryption at
 * rest, passwords taken out of URLs, atomic writes, and a damaged file moved aside.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../src/main/core/errors.js';
import { silentLogger } from '../../src/main/core/log.js';
import type { SecretCipher } from '../../src/main/core/settings-store/cipher.js';
import { settingsPath } from '../../src/main/core/settings-store/file.js';
import { createKeyFileCipher } from '../../src/main/core/settings-store/key-file-cipher.js';
import { SettingsStore } from '../../src/main/core/settings-store/store.js';
import { redactUrl, splitPassword } from '../../src/main/core/settings-store/urls.js';

const PASSWORD = 'Sup3r$ecret/pw@aurora';
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gq1Xy2.fake-discord-bot-token-for-tests';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'aurora-settings-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function rawFile(): Promise<string> {
  return readFile(settingsPath(dataDir), 'utf8');
}

describe('the key-file cipher', () => {
  it('round-trips secrets, never writes them in plain, and keeps its key private', async () => {
    const cipher = createKeyFileCipher(dataDir);
    const stored = cipher.encrypt(PASSWORD);
    expect(stored).not.toContain(PASSWORD);
    expect(cipher.encrypt(PASSWORD)).not.toBe(stored); // a fresh IV each time
    expect(cipher.decrypt(stored)).toBe(PASSWORD);
    expect(createKeyFileCipher(dataDir).decrypt(stored)).toBe(PASSWORD); // the same key next session
    expect((await stat(join(dataDir, 'secret.key'))).mode & 0o777).toBe(0o600);
  });

  it('refuses tampered cipher text and another key', async () => {
    const cipher = createKeyFileCipher(dataDir);
    const stored = cipher.encrypt(PASSWORD);
    const raw = Buffer.from(stored.slice(4), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => cipher.decrypt(`kf1:${raw.toString('base64')}`)).toThrow();
    const otherDir = await mkdtemp(join(tmpdir(), 'aurora-other-'));
    try {
      expect(() => createKeyFileCipher(otherDir).decrypt(stored)).toThrow();
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});

describe('passwords in URLs', () => {
  it('takes the password out of the URL, from userinfo or ?password=', () => {
    expect(splitPassword('postgres://aurora:p%40ss@db.example:5432/aurora')).toEqual({ url: 'postgres://aurora@db.example:5432/aurora', password: 'p@ss' });
    expect(splitPassword('postgres://aurora@db.example/aurora?password=x1&sslmode=require')).toEqual({
      url: 'postgres://aurora@db.example/aurora?sslmode=require',
      password: 'x1',
    });
    expect(splitPassword('postgres://aurora@db.example/aurora').password).toBeNull();
    expect(redactUrl('postgres://aurora:hunter2@db/aurora')).not.toContain('hunter2');
  });
});

describe('the settings store', () => {
  it('starts with the embedded demo profile and writes the file on first run', async () => {
    const store = await SettingsStore.load(dataDir, createKeyFileCipher(dataDir), silentLogger);
    expect(store.current().profiles.map((p) => p.id)).toEqual(['embedded']);
    expect(store.current().activeProfileId).toBe('embedded');
    const file = JSON.parse(await rawFile());
    expect(file.version).toBe(1);
    expect(file.theme).toBe('dark');
    expect((await stat(settingsPath(dataDir))).mode & 0o777).toBe(0o600);
  });

  it('keeps passwords and the Discord token encrypted at rest, and gives them back decrypted', async () => {
    const cipher = createKeyFileCipher(dataDir);
    const store = await SettingsStore.load(dataDir, cipher, silentLogger);
    const typedIntoUrl = await store.saveProfile({ name: 'Aurora prod', url: `postgres://aurora:${encodeURIComponent(PASSWORD)}@db.example:5432/aurora` });
    await store.setDiscord({ guildId: 1234567890123456789n, token: TOKEN });
    await store.setIdentity({ id: 9223372036854775807n, name: 'Nyx' });

    const raw = await rawFile();
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain(encodeURIComponent(PASSWORD));
    expect(raw).not.toContain(TOKEN);
    const file = JSON.parse(raw);
    expect(file.profiles[1].url).toBe('postgres://aurora@db.example:5432/aurora');
    expect(file.profiles[1].passwordSecret).toMatch(/^kf1:/);
    expect(file.discord.tokenSecret).toMatch(/^kf1:/);
    expect(file.discord.guildId).toBe('1234567890123456789'); // a string: never a JS number
    expect(file.identity.id).toBe('9223372036854775807');

    // A new session reads them back.
    const again = await SettingsStore.load(dataDir, createKeyFileCipher(dataDir), silentLogger);
    const config = again.connectionConfig(again.profile(typedIntoUrl.id)!);
    expect(config.kind === 'postgres' && new URL(config.url).password).toBe(encodeURIComponent(PASSWORD));
    expect(again.discord().token).toBe(TOKEN);
    expect(again.discord().guildId).toBe(1234567890123456789n);
    expect(again.identity()).toEqual({ id: 9223372036854775807n, name: 'Nyx' });
    expect(again.secretValues()).toEqual(expect.arrayContaining([PASSWORD, TOKEN]));
  });

  it('keeps, replaces and removes a password as asked', async () => {
    const store = await SettingsStore.load(dataDir, createKeyFileCipher(dataDir), silentLogger);
    const saved = await store.saveProfile({ name: 'Staging', url: 'postgres://aurora@staging:5432/aurora', password: PASSWORD });
    const secretOf = () => store.profile(saved.id)!.passwordSecret;
    const first = secretOf();
    expect(first).toBeDefined();
    await store.saveProfile({ id: saved.id, name: 'Staging 2', url: 'postgres://aurora@staging:5432/aurora' });
    expect(secretOf()).toBe(first); // undefined password, same destination: kept
    await store.saveProfile({ id: saved.id, name: 'Staging 2', url: 'postgres://aurora@staging:5433/aurora', password: 'another-one' });
    expect(secretOf()).not.toBe(first);
    await store.saveProfile({ id: saved.id, name: 'Staging 2', url: 'postgres://aurora@staging:5433/aurora', password: null });
    expect(secretOf()).toBeUndefined();
    expect(store.profile(saved.id)!.name).toBe('Staging 2');
  });

  it('refuses to delete the embedded or the active profile, or to store a secret without a cipher', async () => {
    const store = await SettingsStore.load(dataDir, createKeyFileCipher(dataDir), silentLogger);
    await expect(store.deleteProfile('embedded')).rejects.toThrow(/cannot be deleted/);
    const saved = await store.saveProfile({ name: 'Other', url: 'postgres://a@b/c' });
    await store.setActiveProfile(saved.id);
    await expect(store.deleteProfile(saved.id)).rejects.toThrow(/in use/);
    await store.setActiveProfile('embedded');
    await store.deleteProfile(saved.id);
    expect(store.profile(saved.id)).toBeUndefined();
    await expect(store.deleteProfile('nope')).rejects.toBeInstanceOf(DeskError);

    const noKeychain: SecretCipher = {
      available: () => false,
      encrypt: () => {
        throw new Error('unavailable');
      },
      decrypt: () => {
        throw new Error('unavailable');
      },
    };
    const locked = await SettingsStore.load(dataDir, noKeychain, silentLogger);
    await expect(locked.saveProfile({ name: 'X', url: 'postgres://a@b/c', password: PASSWORD })).rejects.toThrow(/no secure storage/);
    expect(await rawFile()).not.toContain(PASSWORD);
  });

  it('writes atomically and in order: concurrent changes all land, no temporary files stay', async () => {
    const store = await SettingsStore.load(dataDir, createKeyFileCipher(dataDir), silentLogger);
    await Promise.all(Array.from({ length: 12 }, (_, i) => store.saveProfile({ name: `Shard ${i}`, url: `postgres://a@host${i}/aurora`, password: `pw-${i}-long` })));
    const file = JSON.parse(await rawFile());
    expect(file.profiles).toHaveLength(13);
    expect((await readdir(dataDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('moves a damaged file aside and starts from defaults instead of failing', async () => {
    await writeFile(settingsPath(dataDir), '{"version": 1, "profiles": "oops"');
    const warnings: string[] = [];
    const store = await SettingsStore.load(dataDir, createKeyFileCipher(dataDir), { ...silentLogger, warn: (m) => warnings.push(m) });
    expect(store.current().activeProfileId).toBe('embedded');
    expect(warnings).toHaveLength(1);
    const files = await readdir(dataDir);
    expect(files.some((f) => f.startsWith('settings.json.damaged-'))).toBe(true);
    expect(JSON.parse(await rawFile()).version).toBe(1);
  });

  it('reports a secret it cannot decrypt in words, asking for it again', async () => {
    const store = await SettingsStore.load(dataDir, createKeyFileCipher(dataDir), silentLogger);
    const saved = await store.saveProfile({ name: 'Prod', url: 'postgres://a@b/c', password: PASSWORD });
    await rm(join(dataDir, 'secret.key'));
    const moved = await SettingsStore.load(dataDir, createKeyFileCipher(dataDir), silentLogger);
    expect(() => moved.connectionConfig(moved.profile(saved.id)!)).toThrow(/could not decrypt the password of "Prod".*Enter it again/);
    expect(moved.secretValues()).toEqual([]);
  });
});
