import { IconShieldHalf } from '@tabler/icons-react';
import type { AreaDefinition } from '../../lib/areas';
import { ModerationPage } from './ModerationPage';
import { UnreadNavBadge } from './components/UnreadNavBadge';
import { casePaletteSource, moderationPaletteActions } from './palette';

/** The Moderation entry of the sidebar, palette and routes (its place in the sidebar is in lib/areas.ts). */
export const moderationArea: AreaDefinition<'moderation'> = {
  id: 'moderation',
  label: 'Moderation',
  description: "Triage the bot's moderation cases: claim, resolve and annotate.",
  icon: IconShieldHalf,
  // The first screen the window opens on: bundled, not lazy, so its rows are asked for in the
  // first render (a lazy page holds the first paint back until its chunk arrives).
  Page: ModerationPage,
  keywords: ['cases', 'warn', 'ban', 'timeout', 'kick', 'queue'],
  paletteActions: moderationPaletteActions,
  paletteSources: [casePaletteSource],
  NavBadge: UnreadNavBadge,
};
