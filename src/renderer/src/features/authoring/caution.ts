/**
 * Text of the yellow warnings (foreign rows, raw JSON outside the contract): the theme's yellow
 * text, which lib/theme.ts darkens to a legible orange on the light scheme.
 */
export const CAUTION_TEXT = 'var(--mantine-color-yellow-text)';

/** For an Alert's `styles`: its title and icon in the caution colour. */
export const cautionAlertStyles = { title: { color: CAUTION_TEXT }, icon: { color: CAUTION_TEXT } };
