/**
 * Where images may load from. Any URL in the bot's tables (an item's icon or picture) is text
 * anyone who can make the bot store text can write; fetching it would tell that host the staff's
 * addresses. So images load from Discord's CDN and from hosts staff add in Settings only.
 * (No zod here: the item icon on the first screens imports this.)
 */
/** Discord's own image hosts: avatars and attachments. */
export const DISCORD_IMAGE_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'] as const;

export const MAX_IMAGE_HOSTS = 20;

/** Why an image URL is not loaded, or null when it may be. */
export function imageUrlRefusal(url: string, extraHosts: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Not loaded: this is not a web address.';
  }
  if (parsed.protocol !== 'https:') return 'Not loaded: only https images are shown.';
  const host = parsed.hostname.toLowerCase();
  if ((DISCORD_IMAGE_HOSTS as readonly string[]).includes(host) || extraHosts.includes(host)) return null;
  return `Not loaded: images come only from Discord's CDN and the hosts in Settings → Preferences (${host} is not one).`;
}
