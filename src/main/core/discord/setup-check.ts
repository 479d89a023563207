/**
 * The test call Settings → Discord makes when it is saved: who the token belongs to, which
 * server the guild ID names, and which of the desk's permissions the bot has there (its roles'
 * permissions with @everyone's; the owner and Administrator have them all). Channel overrides are
 * not read: a permission may still be refused in one channel.
 */
import { PermissionFlagsBits, Routes, type APIGuild, type APIGuildMember, type APIUser } from 'discord-api-types/v10';
import type { DeskDiscordPermission, DiscordSetupCheck } from '@shared/domain/discord.js';
import { describeDiscordError } from './errors.js';
import type { DiscordGateway } from './gateway.js';

const NEEDED: [DeskDiscordPermission, bigint][] = [
  ['Send Messages', PermissionFlagsBits.SendMessages],
  ['Manage Messages', PermissionFlagsBits.ManageMessages],
  ['Ban Members', PermissionFlagsBits.BanMembers],
  ['Moderate Members', PermissionFlagsBits.ModerateMembers],
  ['Kick Members', PermissionFlagsBits.KickMembers],
];

/** The bot's permissions in the server: @everyone's and its roles', all of them for the owner or an Administrator. */
export function memberPermissions(guild: Pick<APIGuild, 'id' | 'owner_id' | 'roles'>, member: Pick<APIGuildMember, 'roles'>, userId: string): bigint {
  if (guild.owner_id === userId) return ~0n;
  const held = new Set([guild.id, ...member.roles]);
  const bits = guild.roles.filter((role) => held.has(role.id)).reduce((sum, role) => sum | BigInt(role.permissions), 0n);
  return bits & PermissionFlagsBits.Administrator ? ~0n : bits;
}

export async function checkDiscordSetup(gateway: DiscordGateway): Promise<DiscordSetupCheck | null> {
  const status = gateway.status();
  const target = gateway.target();
  if (!target) return status.configured ? null : { bot: null, guild: null, missing: [], problem: status.reason };
  const { client, guildId } = target;
  const check: DiscordSetupCheck = { bot: null, guild: null, missing: [], problem: null };
  try {
    const user = await client.call((rest) => rest.get(Routes.user()) as Promise<APIUser>);
    check.bot = { id: user.id, name: user.global_name ?? user.username };
    const guild = await client.call((rest) => rest.get(Routes.guild(guildId)) as Promise<APIGuild>);
    check.guild = { id: guild.id, name: guild.name };
    const member = await client.call((rest) => rest.get(Routes.guildMember(guildId, user.id)) as Promise<APIGuildMember>);
    const has = memberPermissions(guild, member, user.id);
    check.missing = NEEDED.filter(([, bit]) => (has & bit) !== bit).map(([name]) => name);
  } catch (error) {
    const discord = describeDiscordError(error);
    check.problem =
      check.bot && !check.guild && (discord.status === 404 || discord.status === 403)
        ? `The bot is not in a server with ID ${guildId} (Discord: ${discord.discordMessage ?? discord.message}). Check the guild ID, or invite the bot.`
        : discord.message;
  }
  return check;
}
