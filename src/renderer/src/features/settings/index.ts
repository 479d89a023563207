import { lazy } from 'react';
import { IconSettings } from '@tabler/icons-react';
import { lazyPage, type AreaDefinition } from '../../lib/areas';
import { settingsPaletteActions } from './palette';

/** The Settings entry of the sidebar, palette and routes (its place in the sidebar is in lib/areas.ts). */
export const settingsArea: AreaDefinition<'settings'> = {
  id: 'settings',
  label: 'Settings',
  description: 'Connection profiles, staff identity, Discord, theme and the audit log.',
  icon: IconSettings,
  Page: lazyPage(() => import('./SettingsPage').then((m) => m.SettingsPage)),
  paletteActions: settingsPaletteActions,
  keywords: ['identity', 'profile', 'connection', 'database', 'discord', 'token', 'theme', 'audit', 'notifications'],
};

/** The first open's greeting (see Welcome.tsx), in the settings chunk: it sets the staff identity. */
export const Welcome = lazy(() => import('./Welcome').then((m) => ({ default: m.Welcome })));
