/**
 * Whether the desk can act on Discord (post drops, carry out and lift punishments), and if not,
 * what to do about it: one answer, the same on every screen.
 */
export type DiscordStatus =
  | { configured: true; guildId: string; reason: null }
  | { configured: false; guildId: null; reason: string };

/** The permissions the desk uses on Discord, by the names Discord's server settings show. */
export const DESK_DISCORD_PERMISSIONS = ['Send Messages', 'Manage Messages', 'Ban Members', 'Moderate Members', 'Kick Members'] as const;
export type DeskDiscordPermission = (typeof DESK_DISCORD_PERMISSIONS)[number];

/**
 * What one test call against Discord found when its settings were saved: the bot the token
 * belongs to, the server, and which of the desk's permissions the bot lacks there. `problem`
 * says why the check stopped short (bad token, unknown server, Discord unreachable).
 */
export interface DiscordSetupCheck {
  bot: { id: string; name: string } | null;
  guild: { id: string; name: string } | null;
  missing: DeskDiscordPermission[];
  problem: string | null;
}
