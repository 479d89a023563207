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
  Page: ModerationPage,
  keywords: ['cases', 'warn', 'ban', 'timeout', 'kick', 'queue'],
  paletteSources: [casePaletteSource],
};
