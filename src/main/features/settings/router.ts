/**
 * Settings procedures. They must work with no database open and no identity set (that is when
 * they are needed most); every change, and every test of a connection, leaves an audit row
 * whenever there is an identity and a writable database to write it to (api/trpc.ts).
 */
import { noInputSchema } from '@shared/input-bounds.js';
import {
  profileIdInputSchema,
  saveProfileInputSchema,
  setDiscordInputSchema,
  setImageHostsInputSchema,
  setIdentityInputSchema,
  setNotificationsInputSchema,
  setThemeInputSchema,
  testProfileInputSchema,
} from '@shared/domain/settings.js';

import { router, settingsChangeProcedure, settingsProcedure } from '../../api/trpc.js';
import * as settings from './verbs.js';

export const settingsRouter = router({
  get: settingsProcedure.input(noInputSchema).query(({ ctx }) => settings.describeSettings(ctx.settings)),
  /** The open connection and what the schema check found on it (null while none is open). */
  connectionReport: settingsProcedure.input(noInputSchema).query(({ ctx }) => settings.describeConnection(ctx.services, ctx.settings)),
  saveProfile: settingsChangeProcedure.input(saveProfileInputSchema).mutation(({ ctx, input }) => settings.saveConnectionProfile(ctx.settings, input)),
  deleteProfile: settingsChangeProcedure.input(profileIdInputSchema).mutation(({ ctx, input }) => settings.deleteConnectionProfile(ctx.settings, input.id)),
  /** Opens a connection and changes nothing, but it sends the stored password somewhere: audited. */
  testProfile: settingsChangeProcedure.input(testProfileInputSchema).mutation(({ ctx, input }) => settings.testConnectionProfile(ctx.settings, input)),
  switchProfile: settingsChangeProcedure.input(profileIdInputSchema).mutation(({ ctx, input }) => settings.switchConnectionProfile(ctx.settings, input.id)),
  setIdentity: settingsChangeProcedure.input(setIdentityInputSchema).mutation(({ ctx, input }) => settings.setStaffIdentity(ctx.settings, input)),
  setDiscord: settingsChangeProcedure.input(setDiscordInputSchema).mutation(({ ctx, input }) => settings.linkDiscord(ctx.settings, ctx.services.discord, input)),
  /** Asks Discord about the saved token and server (it sends the token, so it is audited like a connection test). */
  testDiscord: settingsChangeProcedure.input(noInputSchema).mutation(({ ctx }) => settings.testDiscord(ctx.settings, ctx.services.discord)),
  setNotifications: settingsChangeProcedure
    .input(setNotificationsInputSchema)
    .mutation(({ ctx, input }) => settings.setNewCaseNotifications(ctx.settings, input)),
  setTheme: settingsChangeProcedure.input(setThemeInputSchema).mutation(({ ctx, input }) => settings.setTheme(ctx.settings, input.theme)),
  /** Hosts images may load from besides Discord's CDN; the window's policy follows at its next load. */
  setImageHosts: settingsChangeProcedure.input(setImageHostsInputSchema).mutation(({ ctx, input }) => settings.setImageHosts(ctx.settings, input.hosts)),
});
