/**
 * The sidebar, in order. Each feature exports its AreaDefinition from features/<area>/index.ts;
 * the position here gives its Alt+N key.
 */
import { itemsArea } from './features/items';
import { lootdropsArea } from './features/lootdrops';
import { moderationArea } from './features/moderation';
import { playersArea } from './features/players';
import { questsArea } from './features/quests';
import { settingsArea } from './features/settings';
import type { AreaDefinition } from './lib/areas';

export const areas: AreaDefinition[] = [moderationArea, lootdropsArea, questsArea, itemsArea, playersArea, settingsArea];
