import { Box, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconKeyboard, IconMoon, IconSearch, IconSun } from '@tabler/icons-react';
import type { AreaDefinition } from '../lib/areas';
import { hrefFor, navigate, useRoute } from '../lib/router';
import { KeyHint } from './KeyHint';
import classes from './shell.module.css';

export interface SidebarProps {
  areas: AreaDefinition[];
  theme: 'dark' | 'light';
  onToggleTheme(): void;
  onShowKeys(): void;
}

/** The areas, the palette's button, the theme and the keys: everything one keypress away. */
export function Sidebar({ areas, theme, onToggleTheme, onShowKeys }: SidebarProps) {
  const route = useRoute();
  return (
    <Stack gap={0} h="100%" className={classes.sidebar}>
      <Group gap={8} px="sm" h={44} wrap="nowrap" className={classes.brand}>
        <span className={classes.brandMark} aria-hidden />
        <Text fw={700} size="sm" style={{ letterSpacing: 0.2 }}>
          Aurora Desk
        </Text>
      </Group>

      <Box px="xs" pb="xs">
        <UnstyledButton className={classes.search} onClick={() => spotlight.open()} aria-label="Open the command palette">
          <IconSearch size={14} />
          <Text size="xs" c="dimmed" truncate="end" style={{ flex: 1, textAlign: 'left' }}>
            Search or go to…
          </Text>
          <KeyHint keys="mod+k" />
        </UnstyledButton>
      </Box>

      <Stack gap={1} px="xs" component="nav" aria-label="Areas" style={{ flex: 1 }}>
        {areas.map((area, index) => {
          const Icon = area.icon;
          const Badge = area.NavBadge;
          const active = route.area === area.id;
          return (
            <NavLink
              key={area.id}
              href={hrefFor(area.id)}
              onClick={(event) => {
                event.preventDefault();
                navigate(area.id);
              }}
              active={active}
              label={area.label}
              leftSection={<Icon size={16} stroke={1.7} />}
              rightSection={
                Badge ? (
                  <Group gap={4} wrap="nowrap">
                    <Badge />
                    <KeyHint keys={`alt+${index + 1}`} />
                  </Group>
                ) : (
                  <KeyHint keys={`alt+${index + 1}`} />
                )
              }
              className={classes.navLink}
              aria-current={active ? 'page' : undefined}
              data-area={area.id}
            />
          );
        })}
      </Stack>

      <Stack gap={1} px="xs" pb="xs">
        <NavLink
          component="button"
          label={theme === 'dark' ? 'Light theme' : 'Dark theme'}
          leftSection={theme === 'dark' ? <IconSun size={16} stroke={1.7} /> : <IconMoon size={16} stroke={1.7} />}
          rightSection={<KeyHint keys="alt+t" />}
          onClick={onToggleTheme}
          className={classes.navLink}
          data-testid="theme-toggle"
        />
        <NavLink
          component="button"
          label="Keyboard shortcuts"
          leftSection={<IconKeyboard size={16} stroke={1.7} />}
          rightSection={<KeyHint keys="shift+?" />}
          onClick={onShowKeys}
          className={classes.navLink}
        />
      </Stack>
    </Stack>
  );
}
