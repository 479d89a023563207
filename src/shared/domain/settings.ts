/**
 * Settings: the file Aurora Desk keeps in its data folder, the inputs the Settings page sends,
 * and the view the renderer gets back. Secrets are stored only as cipher text
 * (`passwordSecret`, `tokenSecret`) and the renderer only ever learns whether one is set.
 */
import { MAX_IMAGE_HOSTS } from './images.js';
import { z } from 'zod';
import { snowflakeSchema, type StaffIdentity } from '../identity.js';
import type { SchemaReport } from './schema-check.js';
import type { DiscordSetupCheck } from './discord.js';

export const EMBEDDED_PROFILE_ID = 'embedded';

export const profileKindSchema = z.enum(['embedded', 'postgres']);
export type ProfileKind = z.infer<typeof profileKindSchema>;

export const themeSchema = z.enum(['dark', 'light']);
export type Theme = z.infer<typeof themeSchema>;

/** A snowflake as the file keeps it: a decimal string, never a JS number. */
const storedSnowflake = z.string().regex(/^\d{15,20}$/);

// ── the settings file ────────────────────────────────────────────────────────────────────────

export const storedProfileSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  kind: profileKindSchema,
  /** postgres only: the URL without its password. */
  url: z.string().max(2000).optional(),
  /** The password, encrypted by the app's cipher. */
  passwordSecret: z.string().optional(),
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

export const settingsFileSchema = z.object({
  version: z.literal(1),
  profiles: z.array(storedProfileSchema),
  activeProfileId: z.string(),
  identity: z.object({ id: storedSnowflake, name: z.string().min(1).max(255) }).nullable(),
  discord: z.object({
    guildId: storedSnowflake.nullable(),
    tokenSecret: z.string().optional(),
    /** Tests point this at a fake Discord API on loopback. */
    apiBase: z.string().url().optional(),
    /** In an installed app the API base can be changed only with this switched on (off by default). */
    allowCustomApiBase: z.boolean().optional(),
    claimButtonFormat: z.string().max(200).optional(),
    currencies: z.array(z.string().min(1).max(32)).max(20).optional(),
  }),
  notifications: z.object({ newCases: z.boolean() }),
  theme: themeSchema,
  /** Image hosts staff allow besides Discord's CDN (see domain/images.ts). */
  imageHosts: z.array(z.string().max(253)).max(MAX_IMAGE_HOSTS).optional(),
});
export type SettingsFile = z.infer<typeof settingsFileSchema>;

// ── inputs from the Settings page ────────────────────────────────────────────────────────────

const profileName = z.string().trim().min(1, 'Give the profile a name').max(100);
const postgresUrl = z
  .string()
  .trim()
  .min(1, 'Enter a postgres:// URL')
  .max(2000)
  .refine((s) => /^postgres(ql)?:\/\//i.test(s), 'The URL must start with postgres:// (e.g. postgres://aurora@db.example:5432/aurora)');
/**
 * undefined keeps the stored password, null (or '') removes it, a string replaces it.
 * A password written into the URL is taken out of it and stored like this one.
 */
const passwordInput = z.string().max(1000).nullable().optional();

export const saveProfileInputSchema = z.strictObject({
  /** Absent: a new profile. The embedded profile may only be renamed. */
  id: z.string().min(1).max(64).optional(),
  name: profileName,
  url: postgresUrl.optional(),
  password: passwordInput,
});
export type SaveProfileInput = z.infer<typeof saveProfileInputSchema>;

export const profileIdInputSchema = z.strictObject({ id: z.string().min(1).max(64) });

/** Test a saved profile (its stored password unless one is given) or an unsaved URL. */
export const testProfileInputSchema = z.union([
  z.strictObject({ id: z.string().min(1).max(64), password: z.string().max(1000).optional() }),
  z.strictObject({ url: postgresUrl, password: z.string().max(1000).optional() }),
]);
export type TestProfileInput = z.infer<typeof testProfileInputSchema>;

export const setIdentityInputSchema = z.strictObject({
  id: snowflakeSchema,
  name: z.string().trim().min(1, 'Enter your display name').max(255),
});

export const setDiscordInputSchema = z.strictObject({
  guildId: snowflakeSchema.nullable(),
  /** Write-only: undefined keeps the stored token, null removes it. */
  token: z.string().trim().min(20, 'That does not look like a bot token').max(300).nullable().optional(),
  /** Changing it forgets the stored token unless a token comes in the same save. */
  apiBase: z.string().url().nullable().optional(),
  allowCustomApiBase: z.boolean().optional(),
  claimButtonFormat: z.string().max(200).nullable().optional(),
  currencies: z.array(z.string().trim().min(1).max(32)).max(20).nullable().optional(),
});
export type SetDiscordInput = z.infer<typeof setDiscordInputSchema>;

/** The Discord settings as saved, with what the test call against Discord found (null: nothing to try). */
export type DiscordSettingsSaved = SettingsView['discord'] & { check: DiscordSetupCheck | null };

// ── image hosts (see images.ts) ──
/** A host name as staff type it: letters, digits, dots and hyphens, lower-cased. */
export const imageHostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/, 'A host name, like images.example.com');
export const setImageHostsInputSchema = z.strictObject({
  hosts: z.array(imageHostSchema).max(MAX_IMAGE_HOSTS, `At most ${MAX_IMAGE_HOSTS} hosts`),
});

export const setNotificationsInputSchema = z.strictObject({ newCases: z.boolean() });
export const setThemeInputSchema = z.strictObject({ theme: themeSchema });

// ── what the renderer sees ───────────────────────────────────────────────────────────────────

export interface ProfileView {
  id: string;
  name: string;
  kind: ProfileKind;
  /** Without password. */
  url: string | null;
  /** "embedded" or "host:port/database". */
  label: string;
  hasPassword: boolean;
  /** This session is connected through it (never while AURORA_DATABASE_URL is in use). */
  active: boolean;
}

export interface SettingsView {
  profiles: ProfileView[];
  activeProfileId: string;
  /** Set when AURORA_DATABASE_URL overrides the profiles for this session. */
  overriddenBy: string | null;
  identity: StaffIdentity | null;
  discord: {
    guildId: bigint | null;
    tokenSet: boolean;
    apiBase: string | null;
    allowCustomApiBase: boolean;
    /** False in an installed app until "Allow a custom Discord API address" is on. */
    apiBaseEditable: boolean;
    claimButtonFormat: string | null;
    currencies: string[];
  };
  notifications: { newCases: boolean };
  theme: Theme;
  /** Hosts images may load from besides Discord's CDN. */
  imageHosts: string[];
  /** False when this machine offers no way to encrypt secrets: passwords cannot be saved. */
  secretsAvailable: boolean;
}

/** Why a connection attempt failed, in a word the page can pick an icon for. */
export type ConnectionProblem = 'bad-url' | 'unreachable' | 'auth' | 'no-database' | 'tls' | 'timeout' | 'other';

export type ProfileTestResult =
  | {
      ok: true;
      label: string;
      driver: 'pg' | 'pglite';
      serverVersion: string;
      report: SchemaReport;
      /** Why writes would be refused on this connection; null when they are allowed. */
      readOnlyReason: string | null;
    }
  | { ok: false; label: string; problem: ConnectionProblem; message: string };

export interface SwitchProfileResult {
  profileId: string;
  label: string;
  driver: 'pg' | 'pglite';
  report: SchemaReport;
  readOnlyReason: string | null;
  /** 'created': the bot's tables were created (the database was empty). */
  botSchema: 'created' | 'present' | 'partial';
  /** Null when Aurora Desk's own objects are in place; otherwise why not (live updates poll). */
  deskProblem: string | null;
  /** Demo data written into a fresh embedded database. */
  seeded: boolean;
}
