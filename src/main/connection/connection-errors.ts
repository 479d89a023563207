/**
 * Turns what `pg` (or PGlite) throws while connecting into one sentence a staff member can act
 * on. Never repeats the URL itself: only the host/database label, which carries no password.
 */
import type { ConnectionProblem } from '@shared/domain/settings.js';
import { driverErrorCode } from '../core/driver-errors.js';

export interface ExplainedConnectionError {
  problem: ConnectionProblem;
  message: string;
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return messageOf(error.errors[0]);
  return error instanceof Error ? error.message : String(error);
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'EPROTO',
]);

export function explainConnectionError(error: unknown, label: string, user?: string): ExplainedConnectionError {
  const code = driverErrorCode(error);
  const raw = messageOf(error);
  const who = user ? `user "${user}"` : 'this user';
  switch (code) {
    case 'ECONNREFUSED':
      return { problem: 'unreachable', message: `Nothing answers at ${label} (connection refused). Is PostgreSQL running there, and is the port right?` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { problem: 'unreachable', message: `The host of ${label} could not be found. Check the host name.` };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return { problem: 'unreachable', message: `${label} cannot be reached from this computer (${code}). Check the network, VPN or firewall.` };
    case 'ETIMEDOUT':
      return { problem: 'timeout', message: `${label} did not answer in time. Check the host, port and firewall.` };
    case '28P01':
      return { problem: 'auth', message: `PostgreSQL at ${label} refused the password for ${who}.` };
    case '28000':
      return { problem: 'auth', message: `PostgreSQL at ${label} refused ${who}: ${raw}` };
    case '3D000':
      return { problem: 'no-database', message: `There is no such database at ${label}. Check the database name at the end of the URL.` };
    case '57P03':
      return { problem: 'unreachable', message: `PostgreSQL at ${label} is starting up or shutting down; try again in a moment.` };
    case '53300':
      return { problem: 'unreachable', message: `PostgreSQL at ${label} has too many connections open; try again later.` };
  }
  if (code && TLS_CODES.has(code)) {
    return { problem: 'tls', message: `The TLS certificate of ${label} was not accepted (${code}). Check sslmode in the URL.` };
  }
  if (/postgres:\/\/|not a valid URL|must start with postgres/i.test(raw)) return { problem: 'bad-url', message: raw };
  if (/Invalid URL|URI malformed/i.test(raw)) {
    return { problem: 'bad-url', message: 'The database URL is not valid (expected postgres://user@host:5432/database).' };
  }
  if (/SASL|client password must be a string/i.test(raw)) {
    return { problem: 'auth', message: `PostgreSQL at ${label} asks for a password and this profile has none. Enter the password.` };
  }
  if (/timeout/i.test(raw)) return { problem: 'timeout', message: `${label} did not answer in time. Check the host, port and firewall.` };
  if (/SSL|TLS|certificate/i.test(raw)) return { problem: 'tls', message: `A TLS problem with ${label}: ${raw}` };
  return { problem: 'other', message: `Could not connect to ${label}: ${raw}` };
}

export function userOfUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).username) || undefined;
  } catch {
    return undefined;
  }
}
