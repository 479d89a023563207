/** Posting, editing and deleting channel messages (lootdrops are messages). */
import { Routes, type APIMessage, type RESTPatchAPIChannelMessageJSONBody, type RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { DiscordClient, Snowflakeish } from './client.js';

export interface PostedMessage {
  id: string;
  channelId: string;
}

export interface PostOptions {
  /**
   * Sent with `enforce_nonce: true`: Discord then creates at most one message per nonce (within
   * a few minutes) and answers a repeat with the first one, so a post that timed out can be
   * sent again to learn what became of it instead of making a second message.
   */
  nonce?: string;
  /** Gives up on the request (while it waits in the rate-limit queue it is never sent). */
  signal?: AbortSignal;
}

/** Discord's limit on a nonce's length. */
export const NONCE_MAX_LENGTH = 25;

export async function postChannelMessage(
  client: DiscordClient,
  channelId: Snowflakeish,
  body: RESTPostAPIChannelMessageJSONBody,
  options: PostOptions = {},
): Promise<PostedMessage> {
  const sent: RESTPostAPIChannelMessageJSONBody = options.nonce ? { ...body, nonce: options.nonce, enforce_nonce: true } : body;
  const message = await client.call(
    (rest) => rest.post(Routes.channelMessages(channelId.toString()), { body: sent, ...(options.signal ? { signal: options.signal } : {}) }) as Promise<APIMessage>,
  );
  return { id: message.id, channelId: message.channel_id };
}

export async function editChannelMessage(
  client: DiscordClient,
  channelId: Snowflakeish,
  messageId: Snowflakeish,
  body: RESTPatchAPIChannelMessageJSONBody,
): Promise<void> {
  await client.call((rest) => rest.patch(Routes.channelMessage(channelId.toString(), messageId.toString()), { body }));
}

export async function deleteChannelMessage(client: DiscordClient, channelId: Snowflakeish, messageId: Snowflakeish, reason?: string): Promise<void> {
  await client.call((rest) =>
    rest.delete(Routes.channelMessage(channelId.toString(), messageId.toString()), { reason: reason?.slice(0, 512) }),
  );
}
