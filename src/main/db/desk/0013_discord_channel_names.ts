import type { DeskMigration } from './types.js';

/**
 * The names Discord gave the desk for channels, kept so lootdrop screens can show `#name`
 * beside a drop, a burst or a stats row even when Discord cannot be reached (or is not
 * configured on this desktop). Written whenever the channel list or a lookup by ID answers;
 * a name is only a label: the channel ID stays the drop's reference.
 */
export const discordChannelNames: DeskMigration = {
  version: 13,
  name: 'discord_channel_names',
  sql: `
    CREATE TABLE aurora_desk.discord_channel_names (
      channel_id varchar(20) PRIMARY KEY,
      guild_id varchar(20),
      name varchar(100) NOT NULL,
      seen_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};
