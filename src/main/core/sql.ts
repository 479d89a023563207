/** Small SQL pieces every feature's searches share. */

/** LIKE treats `%`, `_` and `\` specially; a name or reason may contain them, and they match themselves. */
export function escapeLike(fragment: string): string {
  return fragment.replace(/[%_\\]/g, '\\$&');
}

/** ILIKE pattern for a staff member's search text: contains it, surrounding spaces ignored. */
export function likePattern(text: string): string {
  return `%${escapeLike(text.trim())}%`;
}
