/**
 * The Discord REST client Aurora Desk acts through (moderation now; lootdrops add channel and
 * message calls the same way: a method that goes through `call`). Built on @discordjs/rest, which
 * queues per route and waits out 429s; `apiBase` points it at a fake Discord API in tests.
 */
import { REST, RESTEvents } from '@discordjs/rest';
import { Routes, type RESTPatchAPIGuildMemberJSONBody, type RESTPutAPIGuildBanJSONBody } from 'discord-api-types/v10';
import { describeDiscordError } from './errors.js';

export type Snowflakeish = bigint | string;

export interface DiscordClientOptions {
  token: string;
  /** Base URL without the version, e.g. http://127.0.0.1:5123/api (default Discord's). */
  apiBase?: string;
  /** The server the desk acts on, from Settings → Discord. */
  guildId?: Snowflakeish | null;
  /** Per-request timeout; a call that times out is retried `retries` times. */
  timeoutMs?: number;
  retries?: number;
}

export interface BanOptions {
  /** Delete the member's messages from the last N seconds (0..604800). */
  deleteMessageSeconds?: number;
}

/** A request that waits for Discord's rate limit before it is (again) sent. */
export interface RateLimitWait {
  method: string;
  /** The request's path, e.g. /channels/1/messages. */
  path: string;
  waitMs: number;
}

export interface DiscordClient {
  /** The configured server, or null when Settings has none. */
  readonly guildId: string | null;
  /** Any request, with Discord's errors turned into DiscordErrors. */
  call<T>(request: (rest: REST) => Promise<T>): Promise<T>;
  timeoutMember(guildId: Snowflakeish, userId: Snowflakeish, until: Date, reason?: string): Promise<void>;
  clearTimeout(guildId: Snowflakeish, userId: Snowflakeish, reason?: string): Promise<void>;
  kickMember(guildId: Snowflakeish, userId: Snowflakeish, reason?: string): Promise<void>;
  banMember(guildId: Snowflakeish, userId: Snowflakeish, reason?: string, options?: BanOptions): Promise<void>;
  unbanMember(guildId: Snowflakeish, userId: Snowflakeish, reason?: string): Promise<void>;
  /** Calls `listener` whenever a request waits for a rate limit; returns the unsubscribe. */
  onRateLimitWait(listener: (wait: RateLimitWait) => void): () => void;
  /** Stops the client's background sweepers. */
  destroy(): void;
}

/** Discord's X-Audit-Log-Reason is capped at 512 characters. */
const auditReason = (reason?: string) => (reason ? reason.slice(0, 512) : undefined);
const id = (value: Snowflakeish) => value.toString();

export function createDiscordClient(options: DiscordClientOptions): DiscordClient {
  const rest = new REST({
    version: '10',
    ...(options.apiBase ? { api: options.apiBase } : {}),
    timeout: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 1,
  }).setToken(options.token);

  const waiters = new Set<(wait: RateLimitWait) => void>();
  const tell = (wait: RateLimitWait) => waiters.forEach((listener) => listener(wait));
  // A bucket known to be spent: the request waits before it is sent.
  rest.on(RESTEvents.RateLimited, (info) => tell({ method: info.method.toUpperCase(), path: new URL(info.url).pathname, waitMs: info.timeToReset }));
  // A 429 answer: the request is sent again once Discord's retry_after has passed.
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429) return;
    const retryAfter = Number(response.headers.get('retry-after') ?? 0) * 1000;
    tell({ method: request.method.toUpperCase(), path: request.path, waitMs: retryAfter });
  });

  async function call<T>(request: (r: REST) => Promise<T>): Promise<T> {
    try {
      return await request(rest);
    } catch (error) {
      throw describeDiscordError(error);
    }
  }

  const patchMember = (guildId: Snowflakeish, userId: Snowflakeish, body: RESTPatchAPIGuildMemberJSONBody, reason?: string) =>
    call(async (r) => {
      await r.patch(Routes.guildMember(id(guildId), id(userId)), { body, reason: auditReason(reason) });
    });

  return {
    guildId: options.guildId ? id(options.guildId) : null,
    call,
    timeoutMember: (guildId, userId, until, reason) =>
      patchMember(guildId, userId, { communication_disabled_until: until.toISOString() }, reason),
    clearTimeout: (guildId, userId, reason) => patchMember(guildId, userId, { communication_disabled_until: null }, reason),
    kickMember: (guildId, userId, reason) =>
      call(async (r) => {
        await r.delete(Routes.guildMember(id(guildId), id(userId)), { reason: auditReason(reason) });
      }),
    banMember: (guildId, userId, reason, ban = {}) =>
      call(async (r) => {
        const body: RESTPutAPIGuildBanJSONBody = { delete_message_seconds: ban.deleteMessageSeconds ?? 0 };
        await r.put(Routes.guildBan(id(guildId), id(userId)), { body, reason: auditReason(reason) });
      }),
    unbanMember: (guildId, userId, reason) =>
      call(async (r) => {
        await r.delete(Routes.guildBan(id(guildId), id(userId)), { reason: auditReason(reason) });
      }),
    onRateLimitWait(listener) {
      waiters.add(listener);
      return () => waiters.delete(listener);
    },
    destroy() {
      rest.removeAllListeners();
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}
