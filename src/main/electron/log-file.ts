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
import type { Logger } from '../core/log.js';
import { redactText, redactValue } from '../core/redact.js';

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
