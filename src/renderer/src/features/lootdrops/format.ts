/** Durations and labels the lootdrop screens share. */

/** 4500 -> "4.5 s", 65000 -> "1 min 5 s", 7260000 -> "2 h 1 min". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(Math.max(0, ms) / 1000).toFixed(1).replace(/\.0$/, '')} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** A countdown: "4:05", "1:02:03"; "0:00" once past. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "#lootdrops"; a channel Discord did not name reads as its ID ("channel 1400…"), never as "#1400…". */
export function channelLabel(names: Map<string, string>, id: string): string {
  const name = names.get(id);
  return name ? `#${name}` : `channel ${id}`;
}

/** What hovering a channel says: its ID beside the name, or why it shows as an ID. */
export function channelHint(names: Map<string, string>, id: string): string {
  return names.has(id)
    ? `Channel ID ${id}`
    : 'Discord did not name this channel: it is not in the server set in Settings → Discord, or the bot cannot see it (deleted, or a server the bot left).';
}

export const LIFETIME_PRESETS = [
  { value: '30', label: '30 s' },
  { value: '60', label: '1 min' },
  { value: '120', label: '2 min' },
  { value: '300', label: '5 min' },
  { value: '900', label: '15 min' },
  { value: '3600', label: '1 h' },
] as const;
