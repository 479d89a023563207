/**
 * Settings procedures. They must work with no database open and no identity set (that is when
 * they are needed most), so they are read-kind procedures; the ones that matter leave an audit
 * row whenever there is an identity and a writable database to write it to.
 */
import {
  profileIdInputSchema,
  saveProfileInputSchema,
  setDiscordInputSchema,
  setIdentityInputSchema,
  setNotificationsInputSchema,
  setThemeInputSchema,
  testProfileInputSchema,
} from '@shared/domain/settings.js';
import { ZodError } from 'zod';
import { readProcedure, redactForOutput, router, toTRPCError } from '../../api/trpc.js';
import { ERRORS } from '../../core/errors.js';
import { redactUrl } from '../../core/settings-store/urls.js';
import { recordStaffAction } from '../../core/audit.js';
import * as settings from './verbs.js';

const settingsProcedure = readProcedure.use(({ ctx, next }) => {
  const host = ctx.runtime.settings;
  if (!host) throw ERRORS.unavailable('Settings are not available in this runtime.');
  return next({ ctx: { ...ctx, host } });
});

/** Leaves an audit row when it can; a settings change never fails for want of one. */
const auditedProcedure = settingsProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  const started = performance.now();
  const result = await next();
  const actor = ctx.runtime.identity();
  if (!actor || ctx.runtime.readOnlyReason()) return result;
  try {
    const raw = (await getRawInput().catch(() => undefined)) as Record<string, unknown> | undefined;
    // summariseInput hides password/token keys; a password typed into the URL is hidden here.
    const input = raw && typeof raw.url === 'string' ? { ...raw, url: redactUrl(raw.url) } : raw;
    // The code the renderer gets (mapErrors runs outside this middleware).
    const error = result.ok ? undefined : result.error.cause instanceof ZodError ? result.error : toTRPCError(result.error.cause ?? result.error);
    await recordStaffAction(ctx.runtime.database().db, {
      actor,
      procedure: path,
      input,
      outcome: result.ok ? 'ok' : 'error',
      errorCode: error?.code,
      errorMessage: error ? redactForOutput(error.message, ctx.runtime) : undefined,
      durationMs: performance.now() - started,
    });
  } catch (error) {
    ctx.runtime.log.warn('audit log write failed', { procedure: path, error: String(error) });
  }
  return result;
});

export const settingsRouter = router({
  get: settingsProcedure.query(({ ctx }) => settings.describeSettings(ctx.host)),
  /** The open connection and what the schema check found on it (null while none is open). */
  connectionReport: settingsProcedure.query(({ ctx }) => settings.describeConnection(ctx.runtime, ctx.host)),
  saveProfile: auditedProcedure.input(saveProfileInputSchema).mutation(({ ctx, input }) => settings.saveConnectionProfile(ctx.host, input)),
  deleteProfile: auditedProcedure.input(profileIdInputSchema).mutation(({ ctx, input }) => settings.deleteConnectionProfile(ctx.host, input.id)),
  /** A mutation (it opens a connection) that changes nothing, so no audit row. */
  testProfile: settingsProcedure.input(testProfileInputSchema).mutation(({ ctx, input }) => settings.testConnectionProfile(ctx.host, input)),
  switchProfile: auditedProcedure.input(profileIdInputSchema).mutation(({ ctx, input }) => settings.switchConnectionProfile(ctx.host, input.id)),
  setIdentity: auditedProcedure.input(setIdentityInputSchema).mutation(({ ctx, input }) => settings.setStaffIdentity(ctx.host, input)),
  setDiscord: auditedProcedure.input(setDiscordInputSchema).mutation(({ ctx, input }) => settings.linkDiscord(ctx.host, input)),
  setNotifications: settingsProcedure.input(setNotificationsInputSchema).mutation(({ ctx, input }) => settings.setNewCaseNotifications(ctx.host, input)),
  setTheme: settingsProcedure.input(setThemeInputSchema).mutation(({ ctx, input }) => settings.setTheme(ctx.host, input.theme)),
});
