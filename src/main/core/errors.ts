/**
 * Domain errors, from one catalogue (the way Zeppelin has RecoverablePluginError + ERRORS).
 * Services throw these; `api/trpc.ts` maps them to tRPC codes in one place.
 */
import type { DeskErrorCode, DeskErrorData, DeskPrecondition } from '@shared/errors.js';

export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
    readonly extra: Omit<DeskErrorData, 'code' | 'httpStatus'> = {},
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

const precondition = (reason: DeskPrecondition, message: string) =>
  new DeskError('PRECONDITION_FAILED', message, { precondition: reason });

export const ERRORS = {
  identityMissing: () =>
    precondition('identity', 'Set your staff identity (Discord ID and name) in Settings before making changes.'),
  discordMissing: () =>
    precondition('discord', 'Discord is not configured: add the bot token and guild ID in Settings → Discord.'),
  readOnly: (why = 'This database connection is read-only.') => precondition('read-only', why),
  notFound: (what: string) => new DeskError('NOT_FOUND', `${what} was not found. It may have been deleted.`),
  badRequest: (message: string, fieldErrors?: Record<string, string[]>) =>
    new DeskError('BAD_REQUEST', message, fieldErrors ? { fieldErrors } : {}),
  conflict: (message: string, conflict: DeskErrorData['conflict'] = {}) =>
    new DeskError('CONFLICT', message, { conflict }),
  /** Something the change needs is not there now; `party` says whose it is (the title staff read). */
  unavailable: (message: string, party: 'database' | 'desk' = 'database') => new DeskError('SERVICE_UNAVAILABLE', message, { unavailable: party }),
} as const;

export function isDeskError(error: unknown): error is DeskError {
  return error instanceof DeskError;
}
