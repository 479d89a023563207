/**
 * The channel names Discord has told the desk, kept in aurora_desk.discord_channel_names so a
 * drop, a burst or a stats row reads `#name` even while Discord cannot be asked. Remembering is
 * best effort: a read-only role, or a database without the table yet, only loses the labels.
 */
import { desc, inArray, sql } from 'drizzle-orm';
import type { DiscordChannelName } from '@shared/domain/lootdrops.js';
import type { AuroraDatabase } from '../../core/database.js';
import type { Logger } from '../../core/log.js';
import { discordChannelNames } from '../../db/desk/tables.js';

/** More names than any lootdrop screen shows at once; the most recently seen win. */
const KNOWN_MAX = 2_000;

export async function rememberChannelNames(
  database: AuroraDatabase,
  guildId: string | null,
  channels: readonly DiscordChannelName[],
  log: Logger,
): Promise<void> {
  const rows = [...new Map(channels.map((c) => [c.id, c])).values()].map((c) => ({ channelId: c.id, guildId, name: c.name.slice(0, 100) }));
  if (rows.length === 0) return;
  try {
    await database.db
      .insert(discordChannelNames)
      .values(rows)
      .onConflictDoUpdate({
        target: discordChannelNames.channelId,
        set: { name: sql`excluded.name`, guildId: sql`coalesce(excluded.guild_id, ${discordChannelNames.guildId})`, seenAt: sql`now()` },
      });
  } catch (error) {
    log.warn('channel names not remembered', { error: (error as Error).message });
  }
}

/** The names remembered for these channels (all of them, up to a bound, without IDs). */
export async function knownChannelNames(database: AuroraDatabase, ids?: readonly string[]): Promise<DiscordChannelName[]> {
  try {
    const query = database.db.select({ id: discordChannelNames.channelId, name: discordChannelNames.name }).from(discordChannelNames);
    return ids
      ? ids.length === 0
        ? []
        : await query.where(inArray(discordChannelNames.channelId, [...ids]))
      : await query.orderBy(desc(discordChannelNames.seenAt)).limit(KNOWN_MAX);
  } catch {
    // A database the desk could not migrate (read-only, older schema): no remembered names.
    return [];
  }
}
