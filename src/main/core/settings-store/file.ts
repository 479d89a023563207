/**
 * The settings file on disk: `<dataDir>/settings.json`, validated on read, written atomically
 * (a temporary file in the same folder, fsynced, then renamed over the old one) so a crash
 * mid-write leaves either the old or the new settings, never half of each.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EMBEDDED_PROFILE_ID, settingsFileSchema, type SettingsFile } from '@shared/domain/settings.js';

export const SETTINGS_FILE_NAME = 'settings.json';

export function settingsPath(dataDir: string): string {
  return join(dataDir, SETTINGS_FILE_NAME);
}

export function defaultSettings(): SettingsFile {
  return {
    version: 1,
    profiles: [{ id: EMBEDDED_PROFILE_ID, name: 'Embedded demo', kind: 'embedded' }],
    activeProfileId: EMBEDDED_PROFILE_ID,
    identity: null,
    discord: { guildId: null },
    notifications: { newCases: true },
    theme: 'dark',
  };
}

export type LoadedSettings =
  | { state: 'loaded'; settings: SettingsFile }
  | { state: 'missing'; settings: SettingsFile }
  /** Unreadable: the file was moved aside to `brokenCopy` and defaults are used. */
  | { state: 'damaged'; settings: SettingsFile; problem: string; brokenCopy: string };

export async function readSettingsFile(path: string): Promise<LoadedSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing', settings: defaultSettings() };
    throw error;
  }
  let problem: string;
  try {
    const parsed = settingsFileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { state: 'loaded', settings: withEmbeddedProfile(parsed.data) };
    problem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  } catch (error) {
    problem = `not JSON (${(error as Error).message})`;
  }
  // Keep the damaged file for the user to inspect instead of silently overwriting it.
  const brokenCopy = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, brokenCopy);
  return { state: 'damaged', settings: defaultSettings(), problem, brokenCopy };
}

/** The embedded demo profile always exists: it is the way back from a broken connection. */
function withEmbeddedProfile(settings: SettingsFile): SettingsFile {
  if (settings.profiles.some((p) => p.id === EMBEDDED_PROFILE_ID)) return settings;
  return { ...settings, profiles: [defaultSettings().profiles[0]!, ...settings.profiles] };
}

export async function writeSettingsFile(path: string, settings: SettingsFile): Promise<void> {
  const checked = settingsFileSchema.parse(settings);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(checked, null, 2)}\n`, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
}
