export { cachedDiscordAccess, type DiscordConfig } from './access.js';
export { createDiscordClient, type BanOptions, type DiscordClient, type DiscordClientOptions, type Snowflakeish } from './client.js';
export { DiscordError, describeDiscordError, isDiscordError, type DiscordErrorKind } from './errors.js';
export { groupChannelsByCategory, listGuildTextChannels } from './channels.js';
export { deleteChannelMessage, editChannelMessage, postChannelMessage, type PostedMessage } from './messages.js';
export { avatarUrl, describeDiscordUser, fetchDiscordUser } from './users.js';
export {
  claimButtonId,
  closedLootdropMessage,
  lootdropButtonEdit,
  lootdropMessage,
  type ClosedReason,
  type LootdropMessageContent,
} from '../../features/lootdrops/message.js';
