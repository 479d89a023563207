/**
 * Case IDs for cases opened in Aurora Desk: "D-" + the time in base 36 + "-" + 4 random
 * base-36 characters, upper case, e.g. "D-MIB3K2QZ-7K2Q" (15 characters; varchar(50) fits).
 *
 * The "D-" prefix keeps them apart from the bot's own IDs (whatever its format, the bot does not
 * write a "D-" prefix); the time part sorts them roughly by creation; the random part makes two
 * desktops opening a case in the same millisecond differ (1 in 1,679,616). Insertion still
 * treats a collision as possible: `INSERT ... ON CONFLICT DO NOTHING` and a fresh ID, up to
 * CASE_ID_ATTEMPTS times.
 */
import { randomInt } from 'node:crypto';

export const CASE_ID_PREFIX = 'D-';
export const CASE_ID_ATTEMPTS = 5;
export const CASE_ID_PATTERN = /^D-[0-9A-Z]{8,}-[0-9A-Z]{4}$/;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function generateCaseId(now = Date.now()): string {
  let random = '';
  for (let i = 0; i < 4; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `${CASE_ID_PREFIX}${now.toString(36).toUpperCase()}-${random}`;
}
