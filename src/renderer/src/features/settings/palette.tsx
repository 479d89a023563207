import { IconSettings } from '@tabler/icons-react';
import type { PaletteAction } from '../../lib/palette';
import { navigate } from '../../lib/router';

/** Each settings screen, found by its name ("discord", "identity", "audit") from anywhere. */
const SCREENS: { section: string; label: string; keywords: string[] }[] = [
  { section: 'connection', label: 'Connection', keywords: ['database', 'profile', 'postgres', 'demo'] },
  { section: 'identity', label: 'Staff identity', keywords: ['identity', 'name', 'me', 'staff'] },
  { section: 'discord', label: 'Discord', keywords: ['token', 'bot', 'guild', 'server'] },
  { section: 'preferences', label: 'Preferences', keywords: ['notifications', 'theme', 'dark', 'light'] },
  { section: 'audit', label: 'Audit log', keywords: ['history', 'who', 'changes'] },
];

export const settingsPaletteActions: PaletteAction[] = SCREENS.map((screen) => ({
  id: `settings-${screen.section}`,
  group: 'Settings',
  label: `Settings: ${screen.label}`,
  icon: <IconSettings size={16} stroke={1.7} />,
  keywords: screen.keywords,
  run: () => navigate({ area: 'settings', search: { section: screen.section } }),
}));
