/**
 * tRPC, laid out the create-t3-app way: the context, the procedure kinds, and the one place
 * where domain errors become tRPC codes the renderer can read.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError, ZodRealError, type core } from 'zod';
import type { DeskErrorData } from '@shared/errors.js';
import type { StaffIdentity } from '@shared/identity.js';
import { findNulText, NUL_MESSAGE } from '@shared/input-bounds.js';
import type { StaffWrite } from '../core/audit.js';
import { DeskError, ERRORS, isDeskError } from '../core/errors.js';
import { isConnectionLoss, isNeverConnected, isPermissionDenied } from '../core/driver-errors.js';
import { redactText } from '../core/redact.js';
import type { DeskServices } from '../core/services.js';
import { deskTransformer, inputRefusal } from './transformer.js';

export interface AppContext {
  services: DeskServices;
}

export function createContext(services: DeskServices): AppContext {
  return { services };
}

/** The secrets the desk holds now (a store that cannot decrypt still gets the pattern redactions). */
export function secretsOf(services: DeskServices | undefined): string[] {
  try {
    return services?.settings?.store.secretValues() ?? [];
  } catch {
    return [];
  }
}

/**
 * An error text on its way out (to the renderer, into the audit log) without the secrets the
 * desk holds or anything shaped like one: a service may quote what Discord or the driver said,
 * and that can echo the bot's Authorization header or a connection string.
 */
export function redactForOutput(text: string, services: DeskServices | undefined): string {
  return redactText(text, secretsOf(services));
}

export const UNKNOWN_FIELD_MESSAGE = 'Not a field of this request';

/** The unknown keys an issue reports, as paths: in a union, only those every option refused. */
function unknownKeysOf(issue: core.$ZodIssue): string[] {
  const at = (path: PropertyKey[]) => path.map(String);
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [...at(issue.path), key].join('.'));
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [];
  const perOption = issue.errors.map(
    (issues) => new Set(issues.flatMap((inner) => unknownKeysOf({ ...inner, path: [...issue.path, ...inner.path] } as core.$ZodIssue))),
  );
  return [...perOption[0]!].filter((key) => perOption.every((keys) => keys.has(key)));
}

function zodDetails(error: ZodError): Pick<DeskErrorData, 'fieldErrors' | 'formErrors'> {
  // A Map, not an object: an unknown key can be named "constructor" or "__proto__".
  const fieldErrors = new Map<string, string[]>();
  const add = (key: string, message: string) => fieldErrors.set(key, [...(fieldErrors.get(key) ?? []), message]);
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    // A key no schema knows is named as a field of its own, so the caller sees which one.
    for (const key of unknownKeysOf(issue)) add(key, UNKNOWN_FIELD_MESSAGE);
    if (issue.code === 'unrecognized_keys') continue;
    if (issue.path.length === 0) formErrors.push(issue.message);
    else add(issue.path.map(String).join('.'), issue.message);
  }
  return { fieldErrors: Object.fromEntries(fieldErrors), formErrors };
}

/** Every string in an error's details (Discord's own words can quote the request's Authorization header). */
function redactDeep<T>(value: T, services: DeskServices | undefined): T {
  if (typeof value === 'string') return redactForOutput(value, services) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, services)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, services)])) as T;
  }
  return value;
}

/** Codes a malformed request answers with: the caller sees the reason as a form error at least. */
const REQUEST_ERROR_CODES = new Set(['BAD_REQUEST', 'PARSE_ERROR', 'PAYLOAD_TOO_LARGE']);

const t = initTRPC.context<AppContext>().create({
  // superjson, with keys it refuses in the bot's jsonb renamed on the way out (transformer.ts).
  transformer: deskTransformer,
  errorFormatter({ shape, error, ctx }) {
    const data: DeskErrorData = { code: shape.data.code, httpStatus: shape.data.httpStatus };
    if (error.cause instanceof ZodError) Object.assign(data, zodDetails(error.cause));
    else if (isDeskError(error.cause)) Object.assign(data, redactDeep(error.cause.extra, ctx?.services));
    else if (REQUEST_ERROR_CODES.has(error.code)) data.formErrors = [redactForOutput(error.message, ctx?.services)];
    // The stack stays in the main process' log, never in the renderer.
    return { message: redactForOutput(shape.message, ctx?.services), code: shape.code, data };
  },
});

/** The one mapping from domain errors (and driver errors) to tRPC errors. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DeskError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  // Drizzle wraps the driver's error (its code is on `cause`): driver-errors.ts looks through.
  if (isConnectionLoss(error)) {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database connection was lost. Aurora Desk is reconnecting; try again in a moment.',
      cause: error,
    });
  }
  if (isPermissionDenied(error)) {
    const cause = ERRORS.readOnly('The database role may not make this change (permission denied).');
    return new TRPCError({ code: 'PRECONDITION_FAILED', message: cause.message, cause });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong in Aurora Desk. The details are in the log.', cause: error });
}

/**
 * What a failed call answers with. tRPC wraps whatever a procedure threw in an
 * INTERNAL_SERVER_ERROR: those are mapped by their cause (domain and driver errors). Errors that
 * already carry a code are kept: zod's input errors, the decoder's refusals, a body that is not
 * JSON (BAD_REQUEST with the parser's SyntaxError as cause), which must never become a 500.
 */
function answerFor(error: TRPCError): TRPCError {
  if (error.code === 'INTERNAL_SERVER_ERROR' && error.cause !== undefined) return toTRPCError(error.cause);
  if (error.code === 'BAD_REQUEST' && error.cause instanceof SyntaxError) return inputRefusal('The request input is not valid JSON.', 'BAD_REQUEST', error.cause);
  return error;
}

/** A subscription's generator fails after the middleware has returned: map those errors too. */
async function* mapStreamErrors<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (error) {
    throw toTRPCError(error);
  }
}

const mapErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const result = await next();
  if (result.ok && type === 'subscription' && typeof result.data === 'object' && result.data !== null && Symbol.asyncIterator in result.data) {
    return { ...result, data: mapStreamErrors(result.data as AsyncIterable<unknown>) };
  }
  if (!result.ok) {
    const error = answerFor(result.error);
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.services.log.error(`${type} ${path} failed`, { error: String(result.error.cause ?? result.error) });
    }
    return { ...result, error };
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/**
 * Text holding U+0000 anywhere in the input, in a field a schema knows or not: refused before
 * any procedure (or the audit row of a write, which records the input) sees it, naming where.
 */
const refuseNulText = t.middleware(async ({ next, getRawInput }) => {
  const paths = findNulText(await getRawInput());
  if (paths.length > 0) {
    const cause = new ZodRealError(paths.map((path) => ({ code: 'custom' as const, path, message: NUL_MESSAGE, input: undefined })));
    const named = paths.map((path) => path.join('.') || 'input').join(', ');
    throw new TRPCError({ code: 'BAD_REQUEST', message: `${named}: ${NUL_MESSAGE}.`, cause });
  }
  return next();
});

/** Reads: anyone at the desk may run them. */
export const readProcedure = t.procedure.use(mapErrors).use(refuseNulText);

export const WRITE_OUTCOME_UNKNOWN =
  'The connection to the database was lost while saving, so Aurora Desk cannot tell whether this change was saved. ' +
  'Once it reconnects, check the record before trying again.';

/** How a call ended, as the audit log records it: the code the caller will actually see. */
function auditOutcome(result: { ok: boolean; error?: TRPCError }, services: DeskServices, durationMs: number) {
  const failure = result.ok || !result.error ? undefined : answerFor(result.error);
  return {
    outcome: failure ? ('error' as const) : ('ok' as const),
    errorCode: failure?.code,
    errorMessage: failure ? redactForOutput(failure.message, services) : undefined,
    durationMs,
  };
}

/**
 * Writes: need a staff identity and a writable database; carry the actor and the change's
 * StaffWrite, whose transaction writes the audit row (who, when, which procedure, the input
 * without secrets) with the change itself. How the call ended is settled on that row.
 */
export const writeProcedure = readProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  const { services } = ctx;
  const actor = services.identity();
  if (!actor) throw toTRPCError(ERRORS.identityMissing());
  const readOnly = services.readOnlyReason();
  if (readOnly) throw toTRPCError(ERRORS.readOnly(readOnly));
  const started = services.clock.now().getTime();
  const input = await getRawInput().catch(() => undefined);
  const write = services.audit.begin(services.database(), { actor, procedure: path, input });
  let result = await next({ ctx: { ...ctx, actor, write: write as StaffWrite } });
  if (!result.ok && result.error.cause && isConnectionLoss(result.error.cause) && !isNeverConnected(result.error.cause)) {
    // The connection died during the write: maybe before COMMIT, maybe after it reached the
    // server. Nothing is retried automatically, and the staff member must not be told to just
    // "try again" a change that may already be saved.
    const unsure = ERRORS.unavailable(WRITE_OUTCOME_UNKNOWN);
    result = { ...result, error: new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: unsure.message, cause: unsure }) };
  }
  await write.finish(auditOutcome(result, services, services.clock.now().getTime() - started)).catch((error: unknown) => {
    services.log.warn('audit log write failed', { procedure: path, error: String(error) });
  });
  return result;
});

export type WriteContext = AppContext & { actor: StaffIdentity; write: StaffWrite };

/**
 * Settings: they must work with no database open and no identity set (that is when they are
 * needed most). Every change leaves an audit row, naming the identity when one is set, whenever
 * a writable database is open; otherwise the log file records it. A settings change never
 * fails for want of an audit log: the settings file is not the database.
 */
export const settingsProcedure = readProcedure.use(({ ctx, next }) => {
  const settings = ctx.services.settings;
  if (!settings) throw ERRORS.unavailable('Settings are not available on this desk.', 'desk');
  return next({ ctx: { ...ctx, settings } });
});

export const settingsChangeProcedure = settingsProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  const { services } = ctx;
  const started = services.clock.now().getTime();
  const result = await next();
  const actor = services.identity();
  const outcome = auditOutcome(result, services, services.clock.now().getTime() - started);
  try {
    if (services.readOnlyReason()) throw new Error(services.readOnlyReason()!);
    const input = await getRawInput().catch(() => undefined);
    await services.audit.record(services.database(), { actor, procedure: path, input, ...outcome });
  } catch (error) {
    services.log.warn('settings change recorded in the log file only: no writable audit log', {
      procedure: path,
      actor: actor ? String(actor.id) : null,
      outcome: outcome.outcome,
      error: String(error),
    });
  }
  return result;
});
