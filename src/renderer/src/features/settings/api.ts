/**
 * What the Settings page reads and writes (the shape is described in lib/trpc.ts).
 */
import { useInfiniteQuery, useMutation, useMutationState, useQuery } from '@tanstack/react-query';
import type { DiscordSetupCheck } from '@shared/domain/discord';
import type { DiscordSettingsSaved } from '@shared/domain/settings';
import type { AuditFilter } from '@shared/domain/audit';
import type { DeskTRPC } from '@renderer/lib/trpc';
import { useTRPC } from '@renderer/lib/trpc';

/** Everything the Settings page may see (secrets only as set / not set). */
export function useSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.settings.get.queryOptions());
}

/** The open connection and its schema report. */
export function useConnectionReport() {
  const trpc = useTRPC();
  return useQuery(trpc.settings.connectionReport.queryOptions());
}

export type AuditListFilter = Omit<AuditFilter, 'cursor' | 'limit'>;

/** Newest first, 50 at a time; "load more" follows the keyset cursor. */
export function useAuditLog(filter: AuditListFilter) {
  const trpc = useTRPC();
  return useInfiniteQuery(trpc.audit.list.infiniteQueryOptions({ ...filter, limit: 50 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
}

/**
 * What a settings change may change: the page's view, the connection panel, the audit log (a
 * refused change is logged too) and the status bar (identity, connection).
 */
const settingsViews = (trpc: DeskTRPC) => [trpc.settings.pathKey(), trpc.audit.pathKey(), trpc.system.pathKey()];

// The forms show a refusal beside their fields and keep what was typed: no notification.

export function useSaveProfile() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.saveProfile.mutationOptions({ meta: { notify: false, invalidates: settingsViews(trpc) } }));
}

export function useSetIdentity() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.setIdentity.mutationOptions({ meta: { notify: false, invalidates: settingsViews(trpc) } }));
}

/** Another server or token changes what every Discord-backed screen shows (channels, names, status). */
export function useSetDiscord() {
  const trpc = useTRPC();
  return useMutation(
    trpc.settings.setDiscord.mutationOptions({
      meta: { notify: false, invalidates: [...settingsViews(trpc), trpc.lootdrops.pathKey(), trpc.moderation.discordStatus.pathKey()] },
    }),
  );
}

/**
 * What the test call of the latest Discord save found (null before one). Read from the mutation
 * cache: the form is rebuilt for the saved settings, and the finding must outlive it.
 */
export function useLastDiscordCheck(): DiscordSetupCheck | null {
  const trpc = useTRPC();
  const saved = useMutationState({
    filters: { mutationKey: trpc.settings.setDiscord.mutationKey(), status: 'success' },
    select: (mutation) => (mutation.state.data as DiscordSettingsSaved | undefined)?.check ?? null,
  });
  return saved.at(-1) ?? null;
}

/** Asks Discord about the saved token and server; the answer (not an error) says what it found. */
export function useTestDiscord() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.testDiscord.mutationOptions({ meta: { errorContext: 'Could not test the Discord settings', invalidates: [trpc.audit.pathKey()] } }));
}

export function useSetNotifications() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.setNotifications.mutationOptions({ meta: { errorContext: 'Could not save the notification setting', invalidates: settingsViews(trpc) } }));
}

export function useSetImageHosts() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.setImageHosts.mutationOptions({ meta: { errorContext: 'Could not save the image hosts', notify: false, invalidates: settingsViews(trpc) } }));
}

export function useDeleteProfile() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.deleteProfile.mutationOptions({ meta: { errorContext: 'Could not delete the profile', invalidates: settingsViews(trpc) } }));
}

/** Another database: every row on screen is read again, not only the settings. */
export function useSwitchProfile() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.switchProfile.mutationOptions({ meta: { errorContext: 'Could not switch profiles', invalidates: [trpc.pathKey()] } }));
}

/** Answers with a result either way; only a transport failure is an error here. */
export function useTestProfile() {
  const trpc = useTRPC();
  return useMutation(trpc.settings.testProfile.mutationOptions({ meta: { errorContext: 'Could not test the connection' } }));
}
