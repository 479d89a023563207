/** Monospace for what staff type as IDs and URLs, leaving the label and description as they are. */
export const monoInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } as const;
