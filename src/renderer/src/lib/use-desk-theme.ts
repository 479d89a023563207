/**
 * Dark or light. The choice is kept in the settings file (settings.setTheme) so it follows the
 * staff member's settings, and in localStorage so the window opens in it without a flash.
 * The Settings page's theme control uses `setTheme` from here too.
 */
import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { Theme } from '@shared/domain/settings';
import { useTRPC } from './trpc';

export function useDeskTheme(): { theme: Theme; setTheme(theme: Theme): void; toggle(): void } {
  const trpc = useTRPC();
  const { setColorScheme } = useMantineColorScheme();
  const theme = useComputedColorScheme('dark', { getInitialValueInEffect: false });
  const saved = useQuery({ ...trpc.settings.get.queryOptions(), select: (view) => view.theme });
  const save = useMutation(
    // The theme still changes on screen; failing to remember it is not worth an alarm.
    trpc.settings.setTheme.mutationOptions({ meta: { notify: false, invalidates: [trpc.settings.get.queryKey()] } }),
  );

  // What the settings file says wins once it is known (another window or the Settings page set it).
  const savedTheme = saved.data;
  useEffect(() => {
    if (savedTheme) setColorScheme(savedTheme);
  }, [savedTheme, setColorScheme]);

  const { mutate } = save;
  const setTheme = useCallback(
    (next: Theme) => {
      setColorScheme(next);
      mutate({ theme: next });
    },
    [mutate, setColorScheme],
  );
  const toggle = useCallback(() => setTheme(theme === 'dark' ? 'light' : 'dark'), [setTheme, theme]);
  return { theme, setTheme, toggle };
}
