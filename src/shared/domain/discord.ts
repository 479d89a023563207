/**
 * Whether the desk can act on Discord (post drops, carry out and lift punishments), and if not,
 * what to do about it: one answer, the same on every screen.
 */
export type DiscordStatus =
  | { configured: true; guildId: string; reason: null }
  | { configured: false; guildId: null; reason: string };
