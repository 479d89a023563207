/**
 * The main process' log: JSON lines in the app's data folder, rotated by size
 * (aurora-desk.log, aurora-desk.log.1, … .N), with secrets redacted before anything is written.
 *
 * Writes are queued and appended asynchronously so logging never blocks the window; `close()`
 * waits for the queue. A failing disk is reported once on stderr and never crashes the app.
 */
import { statSync } from 'node:fs';
import { appendFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from './log.js';

export interface FileLoggerOptions {
  dir: string;
  /** Rotate when the current file would grow past this (default 5 MiB). */
  maxBytes?: number;
  /** How many rotated files to keep beside the current one (default 5). */
  maxFiles?: number;
  /** Values that must never reach the file (database password, Discord token), read at each write. */
  secrets?: () => string[];
  /** Base file name (default aurora-desk.log). */
  fileName?: string;
}

export type FileLogger = Logger & {
  /** The current file. */
  readonly path: string;
  /** Resolves once everything logged so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
};

const REDACTED = '[redacted]';
const SECRET_KEY = /token|password|passwd|secret|passphrase|authorization|api[-_]?key|cookie|credential/i;
const MAX_DEPTH = 6;

/** Removes secrets from one string: known values, URL passwords, conninfo passwords, auth headers. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join(REDACTED);
  }
  return (
    out
      // postgres://user:password@host — greedy up to the last @ before the path, so an unencoded @ in the password is covered too.
      .replace(/\b(postgres(?:ql)?:\/\/[^:@/\s]*:)[^\s/]*@/gi, `$1${REDACTED}@`)
      // libpq conninfo: password=... or password='...'
      .replace(/\b(password|passwd|pwd)(\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;]+)/gi, `$1$2${REDACTED}`)
      .replace(/\b(Bot|Bearer)\s+[\w.~+/-]{16,}=*/g, `$1 ${REDACTED}`)
  );
}

/** A JSON-safe copy of a log field with secret keys blanked and every string redacted. */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const extra = Object.fromEntries(Object.entries(value));
    const cause = (value as { cause?: unknown }).cause;
    return redactValue({ name, message, stack, ...extra, ...(cause === undefined ? {} : { cause }) }, secrets, depth + 1, seen);
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== null && item !== undefined && item !== '' ? REDACTED : redactValue(item, secrets, depth + 1, seen);
  }
  return out;
}

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const { dir, maxBytes = 5 * 1024 * 1024, maxFiles = 5, secrets = () => [], fileName = 'aurora-desk.log' } = options;
  const path = join(dir, fileName);
  let size = currentSize(path);
  let queue: Promise<void> = mkdir(dir, { recursive: true }).then(() => undefined);
  let closed = false;
  let reportedFailure = false;

  const rotate = async () => {
    await rm(`${path}.${maxFiles}`, { force: true });
    for (let i = maxFiles - 1; i >= 1; i--) await rename(`${path}.${i}`, `${path}.${i + 1}`).catch(ignoreMissing);
    if (maxFiles >= 1) await rename(path, `${path}.1`).catch(ignoreMissing);
    else await rm(path, { force: true });
    size = 0;
  };

  const write = (line: string) => {
    const bytes = Buffer.byteLength(line);
    queue = queue
      .then(async () => {
        if (size > 0 && size + bytes > maxBytes) await rotate();
        await appendFile(path, line, { mode: 0o600 });
        size += bytes;
      })
      .catch((error: unknown) => {
        if (reportedFailure) return;
        reportedFailure = true;
        console.error(`[aurora-desk] cannot write the log file ${path}: ${String(error)}`);
      });
  };

  const entry = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    if (closed) return;
    let known: string[] = [];
    try {
      known = secrets().filter((s) => typeof s === 'string' && s.length > 0);
    } catch {
      // A settings store that cannot answer must not silence the log.
    }
    const record: Record<string, unknown> = { at: new Date().toISOString(), level, message: redactText(message, known) };
    const redacted = fields ? (redactValue(fields, known) as Record<string, unknown>) : {};
    for (const [key, value] of Object.entries(redacted)) record[key in record ? `field_${key}` : key] = value;
    write(`${JSON.stringify(record)}\n`);
  };

  return {
    path,
    info: entry('info'),
    warn: entry('warn'),
    error: entry('error'),
    flush: () => queue,
    async close() {
      closed = true;
      await queue;
    },
  };
}

function currentSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
