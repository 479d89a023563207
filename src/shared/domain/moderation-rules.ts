/**
 * The moderation constants both sides share, without a schema: the renderer's first screen (the
 * Moderation queue) reads these, and importing them from here keeps zod out of its main bundle.
 * moderation.ts builds its schemas from them and re-exports them.
 */

/** The types the desk knows how to style and open; any other type the bot writes is shown as is. */
export const knownCaseTypes = ['warn', 'timeout', 'kick', 'ban', 'note'] as const;
export type KnownCaseType = (typeof knownCaseTypes)[number];
/** Types that act on Discord when opened, and whose resolution can be lifted. */
export const discordCaseTypes = ['timeout', 'kick', 'ban'] as const;
export const liftableCaseTypes = ['timeout', 'ban'] as const;

export const moderationQueues = ['active', 'recent', 'resolved', 'mine'] as const;
export type ModerationQueue = (typeof moderationQueues)[number];

export const MAX_PAGE_SIZE = 1000;

export const CSV_EXPORT_CAP = 50_000;

/** Discord's longest timeout is 28 days. */
export const MAX_TIMEOUT_MINUTES = 28 * 24 * 60;
