import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@renderer/lib/trpc';

/** Whether timeout/kick/ban can be carried out on Discord, and if not, why. */
export function useDiscordStatus() {
  const trpc = useTRPC();
  return useQuery(trpc.moderation.discordStatus.queryOptions());
}
