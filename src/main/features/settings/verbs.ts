/**
 * Settings verbs. Each takes the settings host and a validated input; the store encrypts
 * secrets on the way in, and what goes back to the renderer says only whether a secret is set.
 */
import type {
  ProfileTestResult,
  ProfileView,
  SaveProfileInput,
  DiscordSettingsSaved,
  SetDiscordInput,
  SettingsView,
  StoredProfile,
  SwitchProfileResult,
  TestProfileInput,
  Theme,
} from '@shared/domain/settings.js';
import type { StaffIdentity } from '@shared/identity.js';
import type { SchemaReport } from '@shared/domain/schema-check.js';
import type { DiscordSetupCheck } from '@shared/domain/discord.js';
import type { ConnectionInfo, DeskServices } from '../../core/services.js';
import type { SettingsAccess } from '../../core/settings-store/settings-access.js';
import { ERRORS } from '../../core/errors.js';
import { redactText } from '../../core/redact.js';
import { checkDiscordSetup, type DiscordGateway } from '../../core/discord/index.js';
import { discordDestination, labelForUrl } from '../../core/settings-store/urls.js';

/** `inUse`: the profile this session is connected through (none while AURORA_DATABASE_URL stands in for them). */
function viewProfile(profile: StoredProfile, inUse: string | null): ProfileView {
  return {
    id: profile.id,
    name: profile.name,
    kind: profile.kind,
    url: profile.url ?? null,
    label: profile.kind === 'embedded' ? 'embedded' : labelForUrl(profile.url ?? ''),
    hasPassword: Boolean(profile.passwordSecret),
    active: profile.id === inUse,
  };
}

/** Everything the Settings page may see. Built field by field so no secret can slip through. */
export function describeSettings(host: SettingsAccess): SettingsView {
  const s = host.store.current();
  const identity = host.store.identity();
  const overriddenBy = host.overrideLabel();
  return {
    profiles: s.profiles.map((p) => viewProfile(p, overriddenBy ? null : s.activeProfileId)),
    activeProfileId: s.activeProfileId,
    overriddenBy,
    identity,
    discord: {
      guildId: s.discord.guildId ? BigInt(s.discord.guildId) : null,
      tokenSet: Boolean(s.discord.tokenSecret),
      apiBase: s.discord.apiBase ?? null,
      allowCustomApiBase: s.discord.allowCustomApiBase === true,
      apiBaseEditable: !host.packaged || s.discord.allowCustomApiBase === true,
      claimButtonFormat: s.discord.claimButtonFormat ?? null,
      currencies: [...(s.discord.currencies ?? [])],
    },
    notifications: { newCases: s.notifications.newCases },
    theme: s.theme,
    imageHosts: host.store.imageHosts(),
    secretsAvailable: host.store.secretsAvailable(),
  };
}

export async function describeConnection(
  services: DeskServices,
  host: SettingsAccess,
): Promise<{ connection: ConnectionInfo; report: SchemaReport | null; readOnlyReason: string | null; notes: string[] }> {
  const connection = services.connection();
  return {
    connection,
    report: host.schemaReport(),
    readOnlyReason: services.readOnlyReason(),
    notes: connection.problem ? [] : await connectionNotes(services),
  };
}

/**
 * What this database cannot do as well as another, said once, here (not on the screens staff
 * work in): pg_trgm missing means the name and reason searches scan their tables.
 */
async function connectionNotes(services: DeskServices): Promise<string[]> {
  const notes: string[] = [];
  try {
    const { rows } = await services.database().query<{ trgm: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trgm`);
    if (!rows[0]?.trgm) {
      notes.push(
        'pg_trgm is not available on this database (or this role may not create it): searching moderation reasons, usernames and player names by a fragment scans the tables instead of using an index. Searches still work; on large tables they are slower.',
      );
    }
  } catch {
    // The report is a courtesy: a database that cannot answer this says so elsewhere.
  }
  return notes;
}

/** Tries the saved Discord settings (the token's bot, the server, the bot's permissions there) without changing them. */
export async function testDiscord(host: SettingsAccess, discord: DiscordGateway): Promise<DiscordSetupCheck | null> {
  const check = await checkDiscordSetup(discord);
  return check?.problem ? { ...check, problem: redactText(check.problem, host.store.secretValues()) } : check;
}

export async function saveConnectionProfile(host: SettingsAccess, input: SaveProfileInput): Promise<ProfileView> {
  const saved = await host.store.saveProfile(input);
  return viewProfile(saved, host.overrideLabel() ? null : host.store.current().activeProfileId);
}

export async function deleteConnectionProfile(host: SettingsAccess, id: string): Promise<void> {
  await host.store.deleteProfile(id);
}

export function testConnectionProfile(host: SettingsAccess, input: TestProfileInput): Promise<ProfileTestResult> {
  return host.testProfile(input);
}

export function switchConnectionProfile(host: SettingsAccess, id: string): Promise<SwitchProfileResult> {
  return host.switchProfile(id);
}

export async function setStaffIdentity(host: SettingsAccess, identity: StaffIdentity): Promise<StaffIdentity> {
  await host.store.setIdentity(identity);
  return identity;
}

async function storeDiscord(host: SettingsAccess, input: SetDiscordInput): Promise<void> {
  const stored = host.store.current().discord;
  const allowCustom = input.allowCustomApiBase ?? stored.allowCustomApiBase === true;
  const apiBase = input.apiBase !== undefined ? input.apiBase : (stored.apiBase ?? null);
  if (host.packaged && !allowCustom && discordDestination(apiBase) !== discordDestination(null)) {
    // An installed app sends the bot token to Discord only, unless staff deliberately allow
    // another address (the switch is a settings change, so it is audited like this one).
    if (input.apiBase !== undefined) {
      throw ERRORS.badRequest('The Discord API address can be changed only with "Allow a custom Discord API address" switched on.', {
        apiBase: ['Switch on "Allow a custom Discord API address" first'],
      });
    }
    // Switching the allowance off takes the desk back to Discord itself.
    await host.store.setDiscord({ ...input, apiBase: null });
    return;
  }
  await host.store.setDiscord(input);
}

/** Saves the Discord settings, then tries them: one test call says what Discord found. */
export async function linkDiscord(host: SettingsAccess, discord: DiscordGateway, input: SetDiscordInput): Promise<DiscordSettingsSaved> {
  await storeDiscord(host, input);
  const check = await checkDiscordSetup(discord);
  // Discord's own words can quote the request (its Authorization header among them): an answer
  // is not an error, so the error formatter's redaction does not reach it.
  const redacted = check?.problem ? { ...check, problem: redactText(check.problem, host.store.secretValues()) } : check;
  return { ...describeSettings(host).discord, check: redacted };
}

export async function setNewCaseNotifications(host: SettingsAccess, notifications: { newCases: boolean }): Promise<{ newCases: boolean }> {
  await host.store.setNotifications(notifications);
  return notifications;
}

export async function setImageHosts(host: SettingsAccess, hosts: string[]): Promise<string[]> {
  await host.store.setImageHosts(hosts);
  return host.store.imageHosts();
}

export async function setTheme(host: SettingsAccess, theme: Theme): Promise<Theme> {
  await host.store.setTheme(theme);
  return theme;
}
