import { IconSettings } from '@tabler/icons-react';
import type { AreaDefinition } from '../../lib/areas';
import { SettingsPage } from './SettingsPage';

/** The Settings entry of the sidebar, palette and routes (listed in src/areas.ts). */
export const settingsArea: AreaDefinition = {
  id: 'settings',
  label: 'Settings',
  description: 'Connection profiles, staff identity, Discord, theme and the audit log.',
  icon: IconSettings,
  Page: SettingsPage,
  keywords: ['identity', 'profile', 'connection', 'database', 'discord', 'token', 'theme', 'audit', 'notifications'],
};
