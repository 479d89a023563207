/**
 * Discord, as every service reaches it: one gateway per desk run, built by the host from
 * Settings → Discord (tests hand it a client pointed at the fake Discord). The REST client is
 * rebuilt only when the token, server or API base change, so @discordjs/rest sees every request
 * of the desk in one place and its rate-limit buckets hold.
 */
import type { DiscordStatus } from '@shared/domain/discord.js';
import { DeskError, ERRORS } from '../errors.js';
import { createDiscordClient, type DiscordClient } from './client.js';

export interface DiscordConfig {
  token: string | null;
  guildId: bigint | string | null;
  apiBase?: string | null;
}

/** The client and the server it acts on. */
export interface DiscordTarget {
  client: DiscordClient;
  guildId: string;
}

export interface DiscordGateway {
  /** Whether Discord can be used now, and if not, why (pointing at the setting to fix). */
  status(): DiscordStatus;
  /** The client and server, or null when Discord is not usable (`status()` says why). */
  target(): DiscordTarget | null;
  /** The client and server, or PRECONDITION_FAILED pointing to Settings → Discord. */
  require(): DiscordTarget;
  /** Stops the client's background sweepers (the desk closing). */
  close(): void;
}

const NO_SERVER = 'No Discord server is set: add the guild ID in Settings → Discord.';

function gatewayOver(current: () => DiscordClient | null, close: () => void): DiscordGateway {
  const status = (): DiscordStatus => {
    let client: DiscordClient | null;
    try {
      client = current();
    } catch (error) {
      return { configured: false, guildId: null, reason: `Discord is not available: ${(error as Error).message}` };
    }
    if (!client) return { configured: false, guildId: null, reason: ERRORS.discordMissing().message };
    if (!client.guildId) return { configured: false, guildId: null, reason: NO_SERVER };
    return { configured: true, guildId: client.guildId, reason: null };
  };
  return {
    status,
    target() {
      const client = status().configured ? current() : null;
      return client?.guildId ? { client, guildId: client.guildId } : null;
    },
    require() {
      const client = current();
      if (!client) throw ERRORS.discordMissing();
      if (!client.guildId) throw new DeskError('PRECONDITION_FAILED', NO_SERVER, { precondition: 'discord' });
      return { client, guildId: client.guildId };
    },
    close,
  };
}

/** The gateway for whatever Settings → Discord says at each call. */
export function discordGatewayFor(read: () => DiscordConfig | null): DiscordGateway {
  let key = '';
  let client: DiscordClient | null = null;
  const current = () => {
    const config = read();
    if (!config?.token) {
      client?.destroy();
      client = null;
      key = '';
      return null;
    }
    const next = `${config.token}\n${config.guildId ?? ''}\n${config.apiBase ?? ''}`;
    if (!client || next !== key) {
      client?.destroy();
      client = createDiscordClient({ token: config.token, guildId: config.guildId, ...(config.apiBase ? { apiBase: config.apiBase } : {}) });
      key = next;
    }
    return client;
  };
  return gatewayOver(current, () => {
    client?.destroy();
    client = null;
  });
}

/** A gateway over one given client (tests, the bench), or none. */
export function fixedDiscordGateway(client: DiscordClient | null): DiscordGateway {
  return gatewayOver(() => client, () => client?.destroy());
}
