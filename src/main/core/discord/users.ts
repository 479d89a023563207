/** Discord users for display: name and avatar beside an ID. */
import { CDNRoutes, ImageFormat, Routes, RouteBases, type APIUser, type DefaultUserAvatarAssets } from 'discord-api-types/v10';
import type { DiscordUserView } from '@shared/domain/lootdrops.js';
import type { DiscordClient, Snowflakeish } from './client.js';

export async function fetchDiscordUser(client: DiscordClient, userId: Snowflakeish): Promise<DiscordUserView> {
  const user = await client.call((rest) => rest.get(Routes.user(userId.toString())) as Promise<APIUser>);
  return describeDiscordUser(user);
}

export function describeDiscordUser(user: APIUser): DiscordUserView {
  return { id: BigInt(user.id), username: user.username, globalName: user.global_name ?? null, avatarUrl: avatarUrl(user) };
}

/** The user's avatar, or Discord's default one (chosen from the ID, as Discord does for new usernames). */
export function avatarUrl(user: Pick<APIUser, 'id' | 'avatar'>, size = 64): string {
  if (user.avatar) {
    const format = user.avatar.startsWith('a_') ? ImageFormat.GIF : ImageFormat.PNG;
    return `${RouteBases.cdn}${CDNRoutes.userAvatar(user.id, user.avatar, format)}?size=${size}`;
  }
  const index = Number((BigInt(user.id) >> 22n) % 6n) as DefaultUserAvatarAssets;
  return `${RouteBases.cdn}${CDNRoutes.defaultUserAvatar(index)}`;
}
