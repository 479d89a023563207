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

/** Red-orange, between timeout's orange and ban's red: the kick case type. */
const kick: MantineColorsTuple = ['#fef2ee', '#fcded5', '#fac0af', '#f79f85', '#f57b56', '#f25a2c', '#d54f27', '#b84421', '#9b3a1c', '#7e2f17'];

export const theme: MantineThemeOverride = createTheme({
  primaryColor: 'aurora',
  // White on the dark scheme's filled blurple: shade 4 was 4.3:1, shade 5 is 5.6:1.
  primaryShade: { light: 6, dark: 5 },
  colors: { dark, aurora, kick },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // Filled buttons and badges take black or white text, whichever reads on their colour.
  autoContrast: true,
  // The system's reduce-motion setting turns Mantine's transitions off (the desk's own
  // animations follow it in styles.css).
  respectReducedMotion: true,
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
    Modal: { defaultProps: { centered: true, size: 'md', closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { withBorder: true } },
  },
});

/**
 * The scheme is remembered in localStorage (the renderer's own storage in Electron); when the
 * settings router offers `setTheme`, the toggle also records it there (see useThemeToggle).
 */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'aurora-desk-color-scheme' });

/**
 * How much of each colour's darkest shade stays when the light scheme darkens it for text
 * (the rest is black): Mantine's bright warm hues stay under 4.5:1 even at shade 9 on their own
 * pale tint. Colours not listed use shade 9 as it is.
 */
const lightTextShare: Record<string, number> = { red: 80, blue: 90, cyan: 80, teal: 80, green: 70, lime: 70, yellow: 60, orange: 70 };

/**
 * Text that carries a colour (light badges, subtle buttons, alert titles, `c="red"`) reads at
 * WCAG AA (4.5:1) in both schemes, on the page, the chrome and the selected row's tint: darker
 * than Mantine's shade 6 on the light scheme, lighter than its shade 4 on the dark one. Filled
 * variants pick black or white text by themselves (autoContrast).
 */
function colourTextVariables(colours: string[]): { light: Record<string, string>; dark: Record<string, string> } {
  const light: Record<string, string> = {};
  const dark: Record<string, string> = {};
  for (const colour of colours) {
    if (colour === 'dark') continue;
    const share = lightTextShare[colour];
    const onLight = share ? `color-mix(in srgb, var(--mantine-color-${colour}-9) ${share}%, black)` : `var(--mantine-color-${colour}-9)`;
    const onDark = `var(--mantine-color-${colour}-${colour === 'aurora' ? 2 : 3})`;
    for (const suffix of ['text', 'light-color', 'outline']) {
      light[`--mantine-color-${colour}-${suffix}`] = onLight;
      if (suffix !== 'outline') dark[`--mantine-color-${colour}-${suffix}`] = onDark;
    }
  }
  return { light, dark };
}

/**
 * Dimmed text (secondary lines, timestamps, hints, placeholders) is still text: at least 4.5:1
 * on the page, the chrome, inputs and the selected row's tint in both schemes (Mantine's own
 * gray-6 on white is 3.3:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const colours = colourTextVariables(Object.keys(resolved.colors));
  return {
    variables: {},
    light: {
      ...colours.light,
      '--mantine-color-dimmed': '#545b66',
      '--mantine-color-placeholder': '#545b66',
    },
    dark: {
      ...colours.dark,
      '--mantine-color-dimmed': '#a0a6ae',
      '--mantine-color-placeholder': '#a0a6ae',
    },
  };
};
