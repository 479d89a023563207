/**
 * tRPC, laid out the create-t3-app way: the context, the procedure kinds, and the one place
 * where domain errors become tRPC codes the renderer can read.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { DeskErrorData } from '../../shared/errors.js';
import type { StaffIdentity } from '../../shared/identity.js';
import { DeskError, ERRORS, isDeskError } from '../errors.js';
import { recordStaffAction } from '../features/audit/service.js';
import type { DeskRuntime } from '../runtime.js';

export interface AppContext {
  runtime: DeskRuntime;
}

export function createContext(runtime: DeskRuntime): AppContext {
  return { runtime };
}

function zodDetails(error: ZodError): Pick<DeskErrorData, 'fieldErrors' | 'formErrors'> {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) formErrors.push(issue.message);
    else (fieldErrors[issue.path.map(String).join('.')] ??= []).push(issue.message);
  }
  return { fieldErrors, formErrors };
}

const t = initTRPC.context<AppContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const data: DeskErrorData = { code: shape.data.code, httpStatus: shape.data.httpStatus };
    if (error.cause instanceof ZodError) Object.assign(data, zodDetails(error.cause));
    if (isDeskError(error.cause)) Object.assign(data, error.cause.extra);
    // The stack stays in the main process' log, never in the renderer.
    return { message: shape.message, code: shape.code, data };
  },
});

/** The one mapping from domain errors (and driver errors) to tRPC errors. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DeskError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  const pgCode = (error as { code?: unknown } | null)?.code;
  if (pgCode === '57P01' || pgCode === 'ECONNREFUSED' || pgCode === '08006' || pgCode === '08003') {
    return new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'The database connection was lost. Aurora Desk is reconnecting; try again in a moment.',
      cause: error,
    });
  }
  if (pgCode === '42501') {
    const cause = ERRORS.readOnly('The database role may not make this change (permission denied).');
    return new TRPCError({ code: 'PRECONDITION_FAILED', message: cause.message, cause });
  }
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong in Aurora Desk. The details are in the log.', cause: error });
}

/** What a failed call answers with: domain and driver errors mapped; zod input errors (already BAD_REQUEST) kept. */
function answerFor(error: TRPCError): TRPCError {
  return error.cause instanceof ZodError || error.cause === undefined ? error : toTRPCError(error.cause);
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
      ctx.runtime.log.error(`${type} ${path} failed`, { error: String(result.error.cause ?? result.error) });
    }
    return { ...result, error };
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Reads: anyone at the desk may run them. */
export const readProcedure = t.procedure.use(mapErrors);

/**
 * Writes: need a staff identity and a writable database; carry the actor; leave an audit row
 * (who, when, which procedure, the input without secrets, the outcome).
 */
export const writeProcedure = readProcedure.use(async ({ ctx, next, path, getRawInput }) => {
  const actor = ctx.runtime.identity();
  if (!actor) throw toTRPCError(ERRORS.identityMissing());
  const readOnly = ctx.runtime.readOnlyReason();
  if (readOnly) throw toTRPCError(ERRORS.readOnly(readOnly));
  const started = performance.now();
  const result = await next({ ctx: { ...ctx, actor } });
  const input = await getRawInput().catch(() => undefined);
  // mapErrors runs outside this middleware: record the code the caller will actually see.
  const failure = result.ok ? undefined : answerFor(result.error);
  await recordStaffAction(ctx.runtime.database().db, {
    actor,
    procedure: path,
    input,
    outcome: failure ? 'error' : 'ok',
    errorCode: failure?.code,
    errorMessage: failure?.message,
    durationMs: performance.now() - started,
  }).catch((error: unknown) => {
    // A role without aurora_desk still works; the action itself has already happened.
    ctx.runtime.log.warn('audit log write failed', { procedure: path, error: String(error) });
  });
  return result;
});

export type WriteContext = AppContext & { actor: StaffIdentity };
