/**
 * The settings store: one in-memory copy of the settings file, changed only through the verbs
 * below, each written to disk atomically before it takes effect. Secrets are encrypted on the
 * way in and decrypted only where a connection or the Discord client needs them.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  EMBEDDED_PROFILE_ID,
  type SaveProfileInput,
  type SettingsFile,
  type StoredProfile,
  type Theme,
} from '@shared/domain/settings.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { DatabaseConfig } from '../database.js';
import { ERRORS } from '../errors.js';
import type { Logger } from '../log.js';
import type { SecretCipher } from './cipher.js';
import { readSettingsFile, settingsPath, writeSettingsFile } from './file.js';
import { connectionDestination, discordDestination, splitPassword, withPassword } from './urls.js';

export interface DiscordSettings {
  guildId: bigint | null;
  /** Decrypted: hand it to the Discord client only. */
  token: string | null;
  apiBase: string | null;
  allowCustomApiBase: boolean;
  claimButtonFormat: string | null;
  currencies: string[];
}

export interface DiscordUpdate {
  guildId: bigint | null;
  token?: string | null;
  apiBase?: string | null;
  allowCustomApiBase?: boolean;
  claimButtonFormat?: string | null;
  currencies?: string[] | null;
}

export class SettingsStore {
  private queue: Promise<unknown> = Promise.resolve();
  private secretsCache: string[] | null = null;

  private constructor(
    readonly dataDir: string,
    private readonly cipher: SecretCipher,
    private settings: SettingsFile,
  ) {}

  static async load(dataDir: string, cipher: SecretCipher, log: Logger): Promise<SettingsStore> {
    const loaded = await readSettingsFile(settingsPath(dataDir));
    if (loaded.state === 'damaged') {
      log.warn('settings file was unreadable; starting from defaults', { problem: loaded.problem, movedTo: loaded.brokenCopy });
    }
    const store = new SettingsStore(dataDir, cipher, loaded.settings);
    if (loaded.state !== 'loaded') await store.mutate(() => {});
    return store;
  }

  /** A snapshot of the file as stored (cipher text only). */
  current(): Readonly<SettingsFile> {
    return this.settings;
  }

  secretsAvailable(): boolean {
    return this.cipher.available();
  }

  profile(id: string): StoredProfile | undefined {
    return this.settings.profiles.find((p) => p.id === id);
  }

  /** How to open a profile, password decrypted (or replaced by `passwordOverride`). */
  connectionConfig(profile: StoredProfile, passwordOverride?: string): DatabaseConfig {
    if (profile.kind === 'embedded') return { kind: 'embedded', dataDir: join(this.dataDir, 'pglite') };
    if (!profile.url) throw ERRORS.badRequest(`The profile "${profile.name}" has no database URL.`);
    const password = passwordOverride ?? (profile.passwordSecret ? this.reveal(profile.passwordSecret, `the password of "${profile.name}"`) : null);
    return { kind: 'postgres', url: withPassword(profile.url, password) };
  }

  identity(): StaffIdentity | null {
    const stored = this.settings.identity;
    return stored ? { id: BigInt(stored.id), name: stored.name } : null;
  }

  discord(): DiscordSettings {
    const d = this.settings.discord;
    return {
      guildId: d.guildId ? BigInt(d.guildId) : null,
      token: d.tokenSecret ? this.reveal(d.tokenSecret, 'the Discord bot token') : null,
      apiBase: d.apiBase ?? null,
      allowCustomApiBase: d.allowCustomApiBase === true,
      claimButtonFormat: d.claimButtonFormat ?? null,
      currencies: d.currencies ?? [],
    };
  }

  /**
   * Every secret in plain text, for the logger to redact (it asks at each write, so the answer
   * is kept until the settings change). Undecryptable ones are skipped.
   */
  secretValues(): string[] {
    this.secretsCache ??= this.decryptAll();
    return [...this.secretsCache];
  }

  private decryptAll(): string[] {
    const stored = [
      ...this.settings.profiles.map((p) => p.passwordSecret),
      this.settings.discord.tokenSecret,
    ].filter((s): s is string => Boolean(s));
    const values = new Set<string>();
    for (const secret of stored) {
      try {
        const plain = this.cipher.decrypt(secret);
        if (plain.length < 4) continue; // redacting "ab" everywhere would wreck the log, not protect it
        values.add(plain);
        values.add(encodeURIComponent(plain));
      } catch {
        // A secret we cannot read cannot leak either.
      }
    }
    return [...values];
  }

  // ── verbs ──────────────────────────────────────────────────────────────────────────────────

  async saveProfile(input: SaveProfileInput): Promise<StoredProfile> {
    return this.mutate((s) => {
      const existing = input.id ? s.profiles.find((p) => p.id === input.id) : undefined;
      if (input.id && !existing) throw ERRORS.notFound(`The connection profile "${input.id}"`);
      if (existing?.kind === 'embedded') {
        if (input.url) throw ERRORS.badRequest('The embedded demo profile has no URL; create a new profile for a PostgreSQL database.', { url: ['Not used by the embedded profile'] });
        existing.name = input.name;
        return { ...existing };
      }
      if (!input.url) throw ERRORS.badRequest('Enter the database URL.', { url: ['Enter a postgres:// URL'] });
      const split = splitPassword(input.url);
      const password = input.password !== undefined ? input.password : split.password ?? undefined;
      const profile: StoredProfile = existing ?? { id: newProfileId(s), name: input.name, kind: 'postgres' };
      // A stored password belongs to the server it was entered for: a profile that now points
      // elsewhere (host, port, user or database) forgets it unless it is entered again.
      const moved = existing?.url !== undefined && connectionDestination(existing.url) !== connectionDestination(split.url);
      profile.name = input.name;
      profile.url = split.url;
      if (password === null || password === '') delete profile.passwordSecret;
      else if (password !== undefined) profile.passwordSecret = this.conceal(password, 'password');
      else if (moved) delete profile.passwordSecret;
      if (!existing) s.profiles.push(profile);
      return { ...profile };
    });
  }

  async deleteProfile(id: string): Promise<void> {
    await this.mutate((s) => {
      if (id === EMBEDDED_PROFILE_ID) throw ERRORS.badRequest('The embedded demo profile cannot be deleted: it is the way back when a database is unreachable.');
      if (id === s.activeProfileId) throw ERRORS.badRequest('This profile is in use. Switch to another profile before deleting it.');
      const before = s.profiles.length;
      s.profiles = s.profiles.filter((p) => p.id !== id);
      if (s.profiles.length === before) throw ERRORS.notFound(`The connection profile "${id}"`);
    });
  }

  async setActiveProfile(id: string): Promise<void> {
    await this.mutate((s) => {
      if (!s.profiles.some((p) => p.id === id)) throw ERRORS.notFound(`The connection profile "${id}"`);
      s.activeProfileId = id;
    });
  }

  async setIdentity(identity: StaffIdentity | null): Promise<void> {
    await this.mutate((s) => {
      s.identity = identity ? { id: identity.id.toString(), name: identity.name } : null;
    });
  }

  async setDiscord(update: DiscordUpdate): Promise<void> {
    await this.mutate((s) => {
      const d = s.discord;
      const before = discordDestination(d.apiBase);
      d.guildId = update.guildId === null ? null : update.guildId.toString();
      if (update.allowCustomApiBase !== undefined) {
        if (update.allowCustomApiBase) d.allowCustomApiBase = true;
        else delete d.allowCustomApiBase;
      }
      if (update.apiBase !== undefined) setOptional(d, 'apiBase', update.apiBase);
      if (update.token === null) delete d.tokenSecret;
      else if (update.token !== undefined) d.tokenSecret = this.conceal(update.token, 'Discord bot token');
      // The bot token goes only where it was entered for: a new API base forgets it unless it
      // came in this same save.
      else if (discordDestination(d.apiBase) !== before) delete d.tokenSecret;
      if (update.claimButtonFormat !== undefined) setOptional(d, 'claimButtonFormat', update.claimButtonFormat);
      if (update.currencies !== undefined) setOptional(d, 'currencies', update.currencies?.length ? update.currencies : null);
    });
  }

  async setNotifications(notifications: { newCases: boolean }): Promise<void> {
    await this.mutate((s) => {
      s.notifications = { ...notifications };
    });
  }

  async setImageHosts(hosts: readonly string[]): Promise<void> {
    await this.mutate((s) => {
      if (hosts.length) s.imageHosts = [...new Set(hosts)];
      else delete s.imageHosts;
    });
  }

  /** Hosts images may load from besides Discord's CDN. */
  imageHosts(): string[] {
    return [...(this.settings.imageHosts ?? [])];
  }

  async setTheme(theme: Theme): Promise<void> {
    await this.mutate((s) => {
      s.theme = theme;
    });
  }

  // ── internals ──────────────────────────────────────────────────────────────────────────────

  /** Applies `change` to a copy, writes it, and only then makes it current. One at a time. */
  private mutate<T>(change: (draft: SettingsFile) => T): Promise<T> {
    const run = async () => {
      const draft = structuredClone(this.settings);
      const result = change(draft);
      await writeSettingsFile(settingsPath(this.dataDir), draft);
      this.settings = draft;
      this.secretsCache = null;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => {});
    return next;
  }

  private conceal(plain: string, what: string): string {
    if (!this.cipher.available()) {
      throw ERRORS.badRequest(`This computer offers no secure storage (OS keychain), so the ${what} cannot be saved.`);
    }
    return this.cipher.encrypt(plain);
  }

  private reveal(stored: string, what: string): string {
    try {
      return this.cipher.decrypt(stored);
    } catch {
      throw ERRORS.badRequest(`Aurora Desk could not decrypt ${what} (was the settings file copied from another computer or user?). Enter it again in Settings.`);
    }
  }
}

function newProfileId(settings: SettingsFile): string {
  for (;;) {
    const id = `pg-${randomBytes(4).toString('hex')}`;
    if (!settings.profiles.some((p) => p.id === id)) return id;
  }
}

function setOptional<K extends 'apiBase' | 'claimButtonFormat' | 'currencies'>(
  target: SettingsFile['discord'],
  key: K,
  value: SettingsFile['discord'][K] | null,
): void {
  if (value === null || value === undefined || value === '') delete target[key];
  else target[key] = value;
}
