/**
 * Where lootdrops get Discord from (the runtime's client, else one built from Settings →
 * Discord), and Discord's failures as the desk's errors.
 */
import type { LootdropDiscordStatus } from '@shared/domain/lootdrops.js';
import { describeDiscordError, type DiscordClient } from '../../core/discord/index.js';
import { discordClientFor } from '../../core/discord/for-runtime.js';
import { DeskError, ERRORS } from '../../core/errors.js';
import type { DeskRuntime } from '../../core/runtime.js';

export interface LootdropDiscord {
  client: DiscordClient;
  guildId: string;
}

export function lootdropDiscordStatus(runtime: DeskRuntime): LootdropDiscordStatus {
  let client: DiscordClient | null;
  try {
    client = discordClientFor(runtime);
  } catch (error) {
    return { configured: false, reason: `Discord is not available: ${(error as Error).message}` };
  }
  if (!client) return { configured: false, reason: ERRORS.discordMissing().message };
  if (!client.guildId) return { configured: false, reason: 'No Discord server is set: add the guild ID in Settings → Discord.' };
  return { configured: true, guildId: client.guildId };
}

/** The client and server, or PRECONDITION_FAILED pointing to Settings → Discord. */
export function requireLootdropDiscord(runtime: DeskRuntime): LootdropDiscord {
  const client = discordClientFor(runtime);
  if (!client) throw ERRORS.discordMissing();
  if (!client.guildId) {
    throw new DeskError('PRECONDITION_FAILED', 'No Discord server is set: add the guild ID in Settings → Discord.', { precondition: 'discord' });
  }
  return { client, guildId: client.guildId };
}

/** A Discord failure as the error the renderer shows (with the field to blame, when there is one). */
export function deskErrorFromDiscord(error: unknown, what = 'Discord'): DeskError {
  const discord = describeDiscordError(error);
  const message = `${what}: ${discord.message}`;
  switch (discord.kind) {
    case 'invalid-token':
      return new DeskError('PRECONDITION_FAILED', message, { precondition: 'discord' });
    case 'unknown-guild':
      return new DeskError('PRECONDITION_FAILED', message, { precondition: 'discord' });
    case 'unknown-channel':
    case 'missing-access':
    case 'missing-permissions':
      return ERRORS.badRequest(message, { channelId: [discord.message] });
    case 'rate-limited':
    case 'unavailable':
      return ERRORS.unavailable(message);
    default:
      return ERRORS.badRequest(message);
  }
}
