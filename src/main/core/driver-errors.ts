/**
 * What a database driver's error means for the desk, whichever way it arrives: straight from
 * `pg`, from PGlite, wrapped by Drizzle (DrizzleQueryError keeps the driver's error as its
 * `cause`, with no `code` of its own), or as the first of an AggregateError's errors (a connect
 * that tried several addresses). The one place the desk reads a driver error's code.
 */

/** SQLSTATEs and socket codes that mean the connection is gone (killed, restarting, unreachable). */
const CONNECTION_LOST_CODES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, or a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** pg says these in words only (no code) when the socket just closes. */
const CONNECTION_LOST_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed and is not queryable|server closed the connection unexpectedly/i;

/** The errors on the cause chain, outermost first (bounded: causes can be cyclic). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== null && current !== undefined && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    const { cause, errors } = current as { cause?: unknown; errors?: unknown };
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return chain;
}

/** The first string `code` on the cause chain (a SQLSTATE or a socket code). */
export function driverErrorCode(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.length > 0) return code;
  }
  return undefined;
}

/** Whether the error means the database connection was lost (not that a query was wrong). */
export function isConnectionLoss(error: unknown): boolean {
  const code = driverErrorCode(error);
  if (code !== undefined && CONNECTION_LOST_CODES.has(code)) return true;
  return causeChain(error).some((link) => link instanceof Error && CONNECTION_LOST_MESSAGES.test(link.message));
}

/** Codes that mean no connection was ever made, so nothing of the request reached the server. */
const NEVER_CONNECTED_CODES = new Set(['ECONNREFUSED', '57P03', '08001', '08004', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A lost connection where the request certainly never reached the server (refused, starting up). */
export function isNeverConnected(error: unknown): boolean {
  const code = driverErrorCode(error);
  return code !== undefined && NEVER_CONNECTED_CODES.has(code);
}

/** SQLSTATEs the desk's services act on by name. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  numericOutOfRange: '22003',
  insufficientPrivilege: '42501',
  undefinedTable: '42P01',
  invalidSchemaName: '3F000',
} as const;

export function isPermissionDenied(error: unknown): boolean {
  return driverErrorCode(error) === SQLSTATE.insufficientPrivilege;
}

export function isUniqueViolation(error: unknown): boolean {
  return driverErrorCode(error) === SQLSTATE.uniqueViolation;
}

export function isOutOfRange(error: unknown): boolean {
  return driverErrorCode(error) === SQLSTATE.numericOutOfRange;
}

const DESK_MISSING_CODES = new Set<string>([SQLSTATE.undefinedTable, SQLSTATE.invalidSchemaName, SQLSTATE.insufficientPrivilege]);

/** "aurora_desk is not there for this role" (missing, or not ours to use): the desk's extras are skipped. */
export function isDeskMissing(error: unknown): boolean {
  return DESK_MISSING_CODES.has(driverErrorCode(error) ?? '');
}
