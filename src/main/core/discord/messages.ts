/** Posting, editing and deleting channel messages (lootdrops are messages). */
import { Routes, type APIMessage, type RESTPatchAPIChannelMessageJSONBody, type RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { DiscordClient, Snowflakeish } from './client.js';

export interface PostedMessage {
  id: string;
  channelId: string;
}

export async function postChannelMessage(client: DiscordClient, channelId: Snowflakeish, body: RESTPostAPIChannelMessageJSONBody): Promise<PostedMessage> {
  const message = await client.call((rest) => rest.post(Routes.channelMessages(channelId.toString()), { body }) as Promise<APIMessage>);
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
