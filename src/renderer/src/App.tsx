/**
 * The shell: sidebar, the current area's page, the status bar, and what floats above them
 * (command palette, keyboard help, leave-without-saving prompt, notifications).
 */
import { GLOBAL_KEYS, screenKey } from '@shared/desk-keys';
import { AppShell, Center, Loader } from '@mantine/core';
import { IconKeyboard, IconMoon, IconRefresh, IconSun } from '@tabler/icons-react';
import { Suspense, useMemo, useState } from 'react';
import { CommandPalette } from './components/CommandPalette';
import { ErrorBoundary } from './components/ErrorBoundary';
import { KeysHelp } from './components/KeysHelp';
import { LeaveGuardPrompt } from './components/LeaveGuardPrompt';
import { LiveAnnouncer } from './components/LiveAnnouncer';
import { NotFound } from './components/NotFound';
import { Sidebar } from './components/Sidebar';
import { StatusBar } from './components/StatusBar';
import { itemsArea } from './features/items';
import { lootdropsArea } from './features/lootdrops';
import { moderationArea } from './features/moderation';
import { playersArea } from './features/players';
import { questsArea } from './features/quests';
import { settingsArea, Welcome } from './features/settings';
import { AREA_IDS, DEFAULT_AREA, type AreaDefinition, type AreaId } from './lib/areas';
import { useGlobalKeys, type KeyBinding } from './lib/keys';
import { useLiveFeed } from './lib/live';
import { usePaletteActions } from './lib/palette';
import { navigate, useRoute } from './lib/router';
import { useDeskTheme } from './lib/use-desk-theme';
import { useFirstOpen } from './lib/first-open';

/** Each feature's entry under its id; the type keeps the set complete, AREA_IDS gives the order. */
const areaById: { [Id in AreaId]: AreaDefinition<Id> } = {
  moderation: moderationArea,
  lootdrops: lootdropsArea,
  quests: questsArea,
  items: itemsArea,
  players: playersArea,
  settings: settingsArea,
};
const areas: AreaDefinition[] = AREA_IDS.map((id) => areaById[id]);

/** 216px at the default text size; larger text widens it only up to a cap (the labels wrap, the key hints go). */
const SIDEBAR_WIDTH = 'clamp(216px, 13.5rem, 264px)';

export function App() {
  const route = useRoute();
  const live = useLiveFeed();
  const { theme, toggle } = useDeskTheme();
  const [keysOpen, setKeysOpen] = useState(false);

  const globalKeys = useMemo<KeyBinding[]>(
    () => [
      // Spotlight handles the palette's own key; it is listed here so `?` shows it.
      // The same keys as the app's native menu (@shared/desk-keys).
      { keys: GLOBAL_KEYS.palette, label: 'Command palette: go to, find, act' },
      { keys: GLOBAL_KEYS.shortcuts, label: 'Show or hide these shortcuts', run: () => setKeysOpen((open) => !open) },
      ...areas.map((area, index) => ({ keys: screenKey(index), label: `Go to ${area.label}`, run: () => navigate(area.id), inInputs: true })),
      { keys: GLOBAL_KEYS.theme, label: 'Switch between dark and light', run: toggle, inInputs: true },
    ],
    [toggle],
  );
  useGlobalKeys('Everywhere', globalKeys);

  usePaletteActions([
    {
      id: 'theme',
      group: 'Actions',
      label: theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme',
      icon: theme === 'dark' ? <IconSun size={16} stroke={1.7} /> : <IconMoon size={16} stroke={1.7} />,
      keys: 'alt+t',
      keywords: ['theme', 'dark', 'light', 'appearance'],
      run: toggle,
    },
    {
      id: 'keys',
      group: 'Actions',
      label: 'Show keyboard shortcuts',
      icon: <IconKeyboard size={16} stroke={1.7} />,
      keys: 'shift+?',
      keywords: ['help', 'keys', 'hotkeys'],
      run: () => setKeysOpen(true),
    },
    {
      id: 'refresh',
      group: 'Actions',
      label: 'Refresh everything on screen',
      icon: <IconRefresh size={16} stroke={1.7} />,
      keywords: ['reload', 'refetch', 'resync', 'live'],
      run: live.retry,
    },
  ]);

  // No area: the link named no page (lib/router.ts); the not-found view leads back.
  const area = areas.find((candidate) => candidate.id === route.area);
  const Page = area?.Page;
  const firstOpen = useFirstOpen();
  const mainArea = firstOpen === 'welcome' ? 'welcome' : (area?.id ?? 'not-found');

  return (
    <AppShell navbar={{ width: SIDEBAR_WIDTH, breakpoint: 0 }} footer={{ height: 28 }} padding={0}>
      <AppShell.Navbar withBorder>
        <Sidebar areas={areas} theme={theme} onToggleTheme={toggle} onShowKeys={() => setKeysOpen(true)} />
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ background: 'var(--desk-page)' }} data-area={mainArea}>
        {/* Keyed by area: leaving a broken screen resets its boundary. */}
        <ErrorBoundary key={mainArea}>
          <Suspense
            fallback={
              <Center h="100%" data-testid="page-loading">
                <Loader size="sm" />
              </Center>
            }
          >
            {firstOpen === 'welcome' ? (
              <Welcome areas={areas} />
            ) : firstOpen === 'deciding' ? (
              <Center h="100%" data-testid="page-loading">
                <Loader size="sm" />
              </Center>
            ) : Page ? (
              <Page />
            ) : (
              <NotFound home={areaById[DEFAULT_AREA].label} />
            )}
          </Suspense>
        </ErrorBoundary>
      </AppShell.Main>
      <AppShell.Footer withBorder>
        <StatusBar live={live} />
      </AppShell.Footer>
      <LiveAnnouncer />
      <CommandPalette areas={areas} />
      <KeysHelp opened={keysOpen} onClose={() => setKeysOpen(false)} />
      <LeaveGuardPrompt />
    </AppShell>
  );
}
