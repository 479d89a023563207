/**
 * The system save dialog for what the page downloads (CSV exports, quest packs): its title and
 * file types from the file name the page chose. The page itself only downloads; in Electron the
 * download asks where to save through this, in a browser the browser's download bar does.
 * Importing a quest pack is a file input, which Electron shows as the system open dialog.
 */
import type { SaveFileRequest } from './shell.js';

const KINDS: { test: RegExp; title: string; filter: { name: string; extensions: string[] } }[] = [
  { test: /\.csv$/i, title: 'Export as CSV', filter: { name: 'CSV table', extensions: ['csv'] } },
  { test: /quest.*\.json$|\.aurora-quests\.json$/i, title: 'Export quest pack', filter: { name: 'Quest pack', extensions: ['json'] } },
  { test: /\.json$/i, title: 'Save JSON', filter: { name: 'JSON', extensions: ['json'] } },
];

/** What the save dialog shows for a download; the name keeps only its last path part, without control characters. */
export function saveDialogFor(fileName: string): SaveFileRequest {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').slice(0, 200) || 'download';
  const kind = KINDS.find((k) => k.test.test(base));
  return {
    title: kind?.title ?? 'Save',
    defaultName: base,
    filters: [...(kind ? [kind.filter] : []), { name: 'All files', extensions: ['*'] }],
  };
}
