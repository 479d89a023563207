/**
 * The look every screen shares: dark first (Discord's own greys), light equal, dense sizes.
 * Features use theme values (`var(--mantine-...)`, `c="dimmed"`, `size="xs"`) rather than
 * their own colours, so both schemes stay right without extra work.
 */
import {
  createTheme,
  type CSSVariablesResolver,
  localStorageColorSchemeManager,
  rem,
  type MantineColorsTuple,
  type MantineThemeOverride,
} from '@mantine/core';

/** Discord-like neutrals: dark[7] is the page, dark[8] the chrome, dark[6] panels and inputs. */
const dark: MantineColorsTuple = [
  '#dbdee1',
  '#b5bac1',
  '#949ba4',
  '#7b818c',
  '#43464d',
  '#383a40',
  '#2b2d31',
  '#232428',
  '#1c1d20',
  '#111214',
];

/** A blurple close to Discord's accent, so the desk feels at home beside it. */
const aurora: MantineColorsTuple = [
  '#eef0ff',
  '#dadcfd',
  '#b2b6f5',
  '#878eee',
  '#646ce8',
  '#4d55e5',
  '#4149e4',
  '#333bcb',
  '#2b34b6',
  '#1f2ba1',
];

export const theme: MantineThemeOverride = createTheme({
  primaryColor: 'aurora',
  primaryShade: { light: 6, dark: 4 },
  colors: { dark, aurora },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  fontSizes: { xs: rem(11), sm: rem(12), md: rem(13), lg: rem(15), xl: rem(18) },
  lineHeights: { xs: '1.35', sm: '1.4', md: '1.45', lg: '1.5', xl: '1.55' },
  spacing: { xs: rem(6), sm: rem(8), md: rem(12), lg: rem(16), xl: rem(24) },
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: rem(20), lineHeight: '1.3' },
      h2: { fontSize: rem(17), lineHeight: '1.3' },
      h3: { fontSize: rem(15), lineHeight: '1.35' },
      h4: { fontSize: rem(13), lineHeight: '1.4' },
    },
  },
  components: {
    Button: { defaultProps: { size: 'xs' } },
    ActionIcon: { defaultProps: { variant: 'subtle', size: 'sm' } },
    TextInput: { defaultProps: { size: 'xs' } },
    NumberInput: { defaultProps: { size: 'xs' } },
    PasswordInput: { defaultProps: { size: 'xs' } },
    Select: { defaultProps: { size: 'xs' } },
    MultiSelect: { defaultProps: { size: 'xs' } },
    Textarea: { defaultProps: { size: 'xs' } },
    SegmentedControl: { defaultProps: { size: 'xs' } },
    Checkbox: { defaultProps: { size: 'xs' } },
    Switch: { defaultProps: { size: 'xs' } },
    Badge: { defaultProps: { size: 'sm', radius: 'sm', variant: 'light' } },
    Tabs: { defaultProps: { keepMounted: false } },
    // Mantine keeps every select's option list mounted (hidden), and floating-ui positions each
    // one whenever the layout changes: on a page of filters that was ~40 ms of forced style
    // recalculation before the first rows could paint. Mounted when opened instead.
    Combobox: { defaultProps: { keepMounted: false } },
    Table: { defaultProps: { verticalSpacing: 4, horizontalSpacing: 'sm', fz: 'sm', highlightOnHover: true } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true, fz: 'xs' } },
    Kbd: { defaultProps: { size: 'xs' } },
    Modal: { defaultProps: { centered: true, size: 'md' } },
    Notification: { defaultProps: { withBorder: true } },
  },
});

/**
 * The scheme is remembered in localStorage (the renderer's own storage in Electron); when the
 * settings router offers `setTheme`, the toggle also records it there (see useThemeToggle).
 */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'aurora-desk-color-scheme' });

/**
 * Yellow text reads badly on the light scheme: Mantine draws it in shade 6, under 2:1 on white or
 * on its own pale yellow (warnings, "≈ cached" badges, foreign rows). There it is a dark orange;
 * the dark scheme keeps Mantine's yellow.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-yellow-text': 'var(--mantine-color-orange-9)',
    '--mantine-color-yellow-light-color': 'var(--mantine-color-orange-9)',
    '--mantine-color-yellow-outline': 'var(--mantine-color-orange-9)',
  },
  dark: {},
});
