/**
 * The one Discord client a runtime uses: the runtime's own (tests, the host), else one built
 * from Settings → Discord and kept until those settings change. Moderation and lootdrops share
 * it, so @discordjs/rest sees every request in one place and its rate-limit buckets hold.
 */
import type { DeskRuntime } from '../runtime.js';
import { cachedDiscordAccess } from './index.js';
import type { DiscordClient } from './index.js';

const fromSettings = new WeakMap<DeskRuntime, () => DiscordClient | null>();

export function discordClientFor(runtime: DeskRuntime): DiscordClient | null {
  if (runtime.discord) return runtime.discord();
  const settings = runtime.settings;
  if (!settings) return null;
  let access = fromSettings.get(runtime);
  if (!access) fromSettings.set(runtime, (access = cachedDiscordAccess(() => settings.store.discord())));
  return access();
}
