import { IconShieldHalf } from '@tabler/icons-react';
import type { AreaDefinition } from '../../lib/areas';
import { ModerationPage } from './ModerationPage';
import { casePaletteSource } from './palette';

/** The Moderation entry of the sidebar, palette and routes (listed in src/areas.ts). */
export const moderationArea: AreaDefinition = {
  id: 'moderation',
  label: 'Moderation',
  description: "Triage the bot's moderation cases: claim, resolve and annotate.",
  icon: IconShieldHalf,
  // The first screen the window opens on: bundled, not lazy, so its rows are asked for in the
  // first render (a lazy page holds the first paint back until its chunk arrives).
  Page: ModerationPage,
  keywords: ['cases', 'warn', 'ban', 'timeout', 'kick', 'queue'],
  paletteSources: [casePaletteSource],
};
