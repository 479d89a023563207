/**
 * Profile URLs are stored without their password. A password typed into the URL (or passed
 * as `?password=`) is taken out of it and goes through the cipher like any other secret.
 */
import { parse } from 'pg-connection-string';
import { describeDatabaseUrl } from '../database.js';

export interface SplitUrl {
  /** The URL with no password in it. */
  url: string;
  password: string | null;
}

export function splitPassword(raw: string): SplitUrl {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    // Not parseable: there is no password we could find, and the caller's validation reports it.
    return { url: raw.trim(), password: null };
  }
  let password: string | null = u.password ? decodeURIComponent(u.password) : null;
  u.password = '';
  const fromQuery = u.searchParams.get('password');
  if (fromQuery !== null) {
    password ??= fromQuery;
    u.searchParams.delete('password');
  }
  return { url: u.toString(), password };
}

export function withPassword(url: string, password: string | null): string {
  if (!password) return url;
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** A URL fit for logs and the audit trail: any password replaced. */
export function redactUrl(raw: string): string {
  const { url, password } = splitPassword(raw);
  if (!password) return url;
  try {
    const u = new URL(url);
    u.password = 'redacted';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Where a connection URL sends its password: host (including a `?host=` override), port, user
 * and database. A stored password belongs to one destination; see SettingsStore.saveProfile.
 */
export function connectionDestination(url: string): string {
  try {
    const c = parse(url);
    return JSON.stringify([c.host?.toLowerCase() ?? '', c.port || '5432', c.user ?? '', c.database ?? '']);
  } catch {
    return `unparsable:${url}`;
  }
}

/** Discord's own API, where a bot token goes when no API base is set. */
export const DISCORD_API_BASE = 'https://discord.com/api';

/** The API base a token is sent to, compared by origin and path (a trailing slash is the same place). */
export function discordDestination(apiBase: string | null | undefined): string {
  const raw = apiBase?.trim() || DISCORD_API_BASE;
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return raw;
  }
}

export function labelForUrl(url: string): string {
  return describeDatabaseUrl(url);
}
