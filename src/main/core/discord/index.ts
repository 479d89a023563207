export { createDiscordClient, type BanOptions, type DiscordClient, type DiscordClientOptions, type Snowflakeish } from './client.js';
export { DiscordError, describeDiscordError, deskErrorFromDiscord, isDiscordError, type DiscordErrorKind } from './errors.js';
export { discordGatewayFor, fixedDiscordGateway, type DiscordConfig, type DiscordGateway, type DiscordTarget } from './gateway.js';
export { fetchChannelName, groupChannelsByCategory, listGuildTextChannels } from './channels.js';
export { deleteChannelMessage, editChannelMessage, postChannelMessage, type PostedMessage } from './messages.js';
export { avatarUrl, describeDiscordUser, fetchDiscordUser } from './users.js';
export { checkDiscordSetup } from './setup-check.js';
export {
  checkMemberAction,
  hasDiscordOutbox,
  lockIntent,
  markRetried,
  performMemberAction,
  recordIntent,
  settleIntent,
  unsettledIntents,
  unsettledIntentsOf,
  type DiscordIntent,
  type DiscordResult,
  type MemberAction,
  type MemberActionRequest,
  type RecordedIntent,
  type StoredIntent,
  type UnsettledIntent,
} from './outbox.js';
