/**
 * One Discord client per configuration: Settings may change the token, the server or the API
 * base at any time, and a client is rebuilt only when one of them did.
 */
import { createDiscordClient, type DiscordClient } from './client.js';

export interface DiscordConfig {
  token: string | null;
  guildId: bigint | string | null;
  apiBase?: string | null;
}

/** Returns a getter: the client for the current config, or null without a token. */
export function cachedDiscordAccess(read: () => DiscordConfig | null): () => DiscordClient | null {
  let key = '';
  let client: DiscordClient | null = null;
  return () => {
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
}
