import { schemaVersion } from './0001_schema_version.js';
import { auditLog } from './0002_audit_log.js';
import { liveNotify } from './0003_live_notify.js';
import { moderationIndexes } from './0004_moderation_indexes.js';
import { playerIndexes } from './0005_player_indexes.js';
import { authoring } from './0006_authoring.js';
import { lootdropBursts } from './0007_lootdrop_bursts.js';
import { scaleIndexes } from './0008_scale_indexes.js';
import { planIndexes } from './0009_plan_indexes.js';
import { auditWithoutIdentity } from './0010_audit_without_identity.js';
import { discordOutbox } from './0011_discord_outbox.js';
import { discordPosts } from './0012_discord_posts.js';
import { discordChannelNames } from './0013_discord_channel_names.js';
import { caseCounters } from './0014_case_counters.js';
import type { DeskMigration } from './types.js';

export type { DeskMigration } from './types.js';

/** Every `aurora_desk` migration, in order. Append new ones; never edit an applied one. */
export const deskMigrations: readonly DeskMigration[] = [schemaVersion, auditLog, liveNotify, moderationIndexes, playerIndexes, authoring, lootdropBursts, scaleIndexes, planIndexes, auditWithoutIdentity, discordOutbox, discordPosts, discordChannelNames, caseCounters];
