/**
 * Every error the desk can meet, turned into words staff can act on. The main process sends
 * `DeskErrorData` (src/shared/errors.ts) in a tRPC error's `data`; transport failures arrive
 * as TRPCClientErrors without it. `describeError` is the one place that reads them.
 */
import { TRPCClientError } from '@trpc/client';
import type { DeskErrorData, DeskPrecondition } from '@shared/errors';
import { momentText } from '@shared/moment-text';

export type ErrorKind =
  | 'identity'
  | 'discord'
  | 'read-only'
  | 'database'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'forbidden'
  | 'connection'
  | 'internal';

export interface ErrorView {
  kind: ErrorKind;
  title: string;
  message: string;
  /** zod field errors by dotted path, for forms to show beside their fields. */
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
  conflict?: DeskErrorData['conflict'];
  /** Where to go to fix it (Settings for missing identity or Discord). */
  fix?: { label: string; area: 'settings'; section?: string };
  /** Worth a retry as is (connection trouble), as opposed to needing a change first. */
  retryable: boolean;
}

export function deskErrorData(error: unknown): DeskErrorData | undefined {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<never>).data as unknown;
    if (data && typeof data === 'object' && 'code' in data) return data as DeskErrorData;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string') return error;
  return 'Something went wrong.';
}

const preconditionViews: Record<DeskPrecondition, Pick<ErrorView, 'kind' | 'title' | 'fix'>> = {
  identity: { kind: 'identity', title: 'Set your staff identity', fix: { label: 'Open Settings', area: 'settings', section: 'identity' } },
  discord: { kind: 'discord', title: 'Discord is not configured', fix: { label: 'Open Settings', area: 'settings', section: 'discord' } },
  'read-only': { kind: 'read-only', title: 'This connection is read-only' },
  database: { kind: 'database', title: 'The database is not ready', fix: { label: 'Open Settings', area: 'settings', section: 'connection' } },
};

/** "Discord refused (403 Missing Permissions)", "Discord did not answer": the party that failed, by name. */
function discordTitle(discord: NonNullable<DeskErrorData['discord']>): string {
  if (discord.status === null) return 'Discord did not answer';
  const said = discord.message ? ` ${discord.message}` : '';
  if (discord.status === 429) return `Discord is rate limiting the bot (429${said})`;
  if (discord.status >= 500) return `Discord is unavailable (${discord.status}${said})`;
  return `Discord refused (${discord.status}${said})`;
}

export function describeError(error: unknown): ErrorView {
  const view = describeDeskError(error);
  const discord = deskErrorData(error)?.discord;
  return discord ? { ...view, title: discordTitle(discord) } : view;
}

function describeDeskError(error: unknown): ErrorView {
  const data = deskErrorData(error);
  const message = messageOf(error);
  const base = { fieldErrors: data?.fieldErrors ?? {}, formErrors: data?.formErrors ?? [], retryable: false };
  if (!data) {
    // No tRPC data: the request never reached a procedure (port closed, harness down, fetch failed).
    const looksOffline = error instanceof TRPCClientError || /fetch|network|port|closed|connect/i.test(message);
    if (looksOffline) {
      return {
        ...base,
        kind: 'connection',
        title: 'Lost contact with Aurora Desk',
        message: `The request did not reach the desk's main process (${message}). Try again; if it keeps failing, restart the app.`,
        retryable: true,
      };
    }
    return { ...base, kind: 'internal', title: 'Something went wrong', message };
  }
  switch (data.code) {
    case 'PRECONDITION_FAILED': {
      const view = preconditionViews[data.precondition ?? 'database'] ?? preconditionViews.database;
      return { ...base, ...view, message };
    }
    case 'BAD_REQUEST': {
      const fields = Object.entries(base.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(', ')}`);
      const detail = [...base.formErrors, ...fields];
      return {
        ...base,
        kind: 'validation',
        title: 'Check the highlighted fields',
        message: detail.length > 0 && message.startsWith('[') ? detail.join('\n') : message,
      };
    }
    case 'NOT_FOUND':
      return { ...base, kind: 'not-found', title: 'Not found', message };
    case 'CONFLICT': {
      const who = data.conflict?.changedBy;
      const when = data.conflict?.changedAt;
      const title = who ? `Changed meanwhile by ${who}` : 'Changed meanwhile by someone else';
      const suffix = when ? ` (${momentText(when)})` : '';
      return { ...base, kind: 'conflict', title, message: `${message}${suffix}`, conflict: data.conflict };
    }
    case 'FORBIDDEN':
      return { ...base, kind: 'forbidden', title: 'Not allowed', message };
    case 'SERVICE_UNAVAILABLE':
      return { ...base, kind: 'unavailable', title: data.unavailable === 'desk' ? 'Aurora Desk is not ready' : 'Database unavailable', message, retryable: true };
    default:
      return { ...base, kind: 'internal', title: 'Something went wrong', message };
  }
}

/** Field errors of a failed mutation, for `form.setErrors` (first message per field). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(describeError(error).fieldErrors)) {
    if (messages[0]) out[field] = messages[0];
  }
  return out;
}
