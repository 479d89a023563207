import { useQuery } from '@tanstack/react-query';
import { imageUrlRefusal } from '@shared/domain/images';
import { useTRPC } from './trpc';

/**
 * Whether an image URL from the bot's data may be loaded, and if not, why (for the hover text):
 * only Discord's CDN and the hosts staff allow in Settings → Preferences. Until the settings
 * have loaded, only Discord's CDN counts.
 */
export function useImageRefusal(): (url: string) => string | null {
  const trpc = useTRPC();
  const hosts = useQuery({ ...trpc.settings.get.queryOptions(), select: (view) => view.imageHosts }).data ?? [];
  return (url) => imageUrlRefusal(url, hosts);
}
