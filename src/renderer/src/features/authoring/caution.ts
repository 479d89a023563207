/**
 * Text of the yellow warnings (foreign rows, raw JSON outside the contract). Mantine draws yellow
 * text in shade 6 on the light scheme, under 2:1 on white or on its own pale yellow; a dark orange
 * reads there. The dark scheme keeps Mantine's yellow 4.
 */
export const CAUTION_TEXT = 'light-dark(var(--mantine-color-orange-9), var(--mantine-color-yellow-4))';

/** For an Alert's `styles`: its title and icon in the caution colour. */
export const cautionAlertStyles = { title: { color: CAUTION_TEXT }, icon: { color: CAUTION_TEXT } };
