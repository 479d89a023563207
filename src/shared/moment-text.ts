/**
 * A moment as staff read it in a sentence: date and time in this machine's time zone, named
 * ("3 Dec 2026, 09:12:10 CET"), never an ISO string. The desk's main process and its window
 * run on the same machine, so a message built in either reads the same.
 */
const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'long' });

export function momentText(at: Date | string | number): string {
  return format.format(at instanceof Date ? at : new Date(at));
}
