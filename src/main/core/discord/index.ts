export { createDiscordClient, type BanOptions, type DiscordClient, type DiscordClientOptions, type Snowflakeish } from './client.js';
export { DiscordError, describeDiscordError, deskErrorFromDiscord, isDiscordError, type DiscordErrorKind } from './errors.js';
export { discordGatewayFor, fixedDiscordGateway, type DiscordConfig, type DiscordGateway, type DiscordTarget } from './gateway.js';
export { groupChannelsByCategory, listGuildTextChannels } from './channels.js';
export { deleteChannelMessage, editChannelMessage, postChannelMessage, type PostedMessage } from './messages.js';
export { avatarUrl, describeDiscordUser, fetchDiscordUser } from './users.js';
