/**
 * Discord's failures in words a staff member can act on. Every call through the client fails
 * with a DiscordError whose `kind` says what went wrong and whose message says what to do.
 */
import { DiscordAPIError, HTTPError, RateLimitError } from '@discordjs/rest';
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DeskError } from '../errors.js';

export type DiscordErrorKind =
  | 'invalid-token'
  | 'missing-access'
  | 'missing-permissions'
  | 'unknown-member'
  | 'unknown-user'
  | 'unknown-ban'
  | 'unknown-guild'
  | 'unknown-channel'
  | 'unknown-message'
  | 'rate-limited'
  | 'rejected'
  | 'unavailable';

export class DiscordError extends Error {
  constructor(
    readonly kind: DiscordErrorKind,
    message: string,
    /** HTTP status when Discord answered; undefined for network failures. */
    readonly status?: number,
    /** Discord's JSON error code (10007 Unknown Member...), when it sent one. */
    readonly discordCode?: number | string,
    /** Discord's own message ("Missing Permissions"), when it sent one. */
    readonly discordMessage?: string,
  ) {
    super(message);
    this.name = 'DiscordError';
  }
}

export function isDiscordError(error: unknown): error is DiscordError {
  return error instanceof DiscordError;
}

const byCode: Partial<Record<number, [DiscordErrorKind, string]>> = {
  [RESTJSONErrorCodes.UnknownMember]: ['unknown-member', 'That user is not a member of the server (they may have left).'],
  [RESTJSONErrorCodes.UnknownUser]: ['unknown-user', 'Discord does not know that user ID.'],
  [RESTJSONErrorCodes.UnknownBan]: ['unknown-ban', 'That user is not banned on the server (the ban may already be lifted).'],
  [RESTJSONErrorCodes.UnknownGuild]: ['unknown-guild', 'The bot is not in the configured server: check the guild ID in Settings → Discord.'],
  [RESTJSONErrorCodes.UnknownChannel]: ['unknown-channel', 'That channel does not exist or the bot cannot see it.'],
  [RESTJSONErrorCodes.UnknownMessage]: ['unknown-message', 'That message no longer exists on Discord.'],
  [RESTJSONErrorCodes.MissingAccess]: ['missing-access', 'The bot has no access there: check that it is in the server and can see the channel.'],
  [RESTJSONErrorCodes.MissingPermissions]: [
    'missing-permissions',
    'The bot lacks the permission for this (or the target has a higher role than the bot).',
  ],
};

/** Turns whatever @discordjs/rest threw into a DiscordError with a readable message. */
export function describeDiscordError(error: unknown): DiscordError {
  if (error instanceof DiscordError) return error;
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    const known = code === undefined ? undefined : byCode[code];
    const said = error.message;
    if (known) return new DiscordError(known[0], known[1], error.status, error.code, said);
    if (error.status === 401) {
      return new DiscordError('invalid-token', 'Discord rejected the bot token: enter a valid token in Settings → Discord.', 401, error.code, said);
    }
    if (error.status === 403) return new DiscordError('missing-permissions', byCode[RESTJSONErrorCodes.MissingPermissions]![1], 403, error.code, said);
    if (error.status === 404) return new DiscordError('rejected', `Discord answered "not found": ${error.message}`, 404, error.code, said);
    return new DiscordError('rejected', `Discord refused the request (${error.status}): ${error.message}`, error.status, error.code, said);
  }
  if (error instanceof RateLimitError) {
    return new DiscordError('rate-limited', `Discord is rate limiting the bot; try again in ${Math.ceil(error.retryAfter / 1000)} s.`, 429);
  }
  if (error instanceof HTTPError) {
    return new DiscordError('unavailable', `Discord is unavailable right now (${error.status}); try again in a moment.`, error.status, undefined, error.message || undefined);
  }
  const message = error instanceof Error ? error.message : String(error);
  // After a 401, @discordjs/rest forgets the token and fails every later call this way.
  if (/token.*none was present|Expected token/i.test(message)) {
    return new DiscordError('invalid-token', 'Discord rejected the bot token: enter a valid token in Settings → Discord.');
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return new DiscordError('unavailable', 'Discord did not answer in time; try again in a moment.');
  }
  return new DiscordError('unavailable', `Discord could not be reached: ${networkReason(error)}. Try again in a moment.`);
}

/** A network failure in words (the socket's own code, "getaddrinfo ENOTFOUND …", stays in the log). */
function networkReason(error: unknown): string {
  const parts: string[] = [];
  for (let cause: unknown = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    if (cause instanceof Error) parts.push(cause.message, String((cause as { code?: unknown }).code ?? ''));
    else parts.push(String(cause));
  }
  const text = parts.join(' ');
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return "its address could not be looked up (is this computer online, and is the API address in Settings → Discord right?)";
  if (/ECONNREFUSED/.test(text)) return 'the connection was refused';
  if (/ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT/.test(text)) return 'the connection timed out';
  if (/ECONNRESET|socket hang up|UND_ERR_SOCKET/.test(text)) return 'the connection dropped';
  if (/certificate|CERT_|SSL|TLS/i.test(text)) return 'the secure connection failed (a certificate problem)';
  return 'the network request failed';
}

/** A Discord failure as the error the renderer shows (with the field to blame, when there is one). */
export function deskErrorFromDiscord(error: unknown, what = 'Discord'): DeskError {
  const discord = describeDiscordError(error);
  const message = `${what}: ${discord.message}`;
  // Named as Discord's, with its status and words, whatever the code the renderer gets.
  const said = { discord: { status: discord.status ?? null, message: discord.discordMessage ?? null } };
  switch (discord.kind) {
    case 'invalid-token':
    case 'unknown-guild':
      return new DeskError('PRECONDITION_FAILED', message, { precondition: 'discord', ...said });
    case 'unknown-channel':
    case 'missing-access':
    case 'missing-permissions':
      return new DeskError('BAD_REQUEST', message, { fieldErrors: { channelId: [discord.message] }, ...said });
    case 'rate-limited':
    case 'unavailable':
      return new DeskError('SERVICE_UNAVAILABLE', message, said);
    default:
      return new DeskError('BAD_REQUEST', message, said);
  }
}
