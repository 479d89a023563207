/**
 * The main process' log: JSON lines in the app's data folder, rotated by size
 * (aurora-desk.log, aurora-desk.log.1, … .N) by rotating-file-stream, with secrets redacted
 * before anything is written.
 *
 * Writes go to the stream asynchronously so logging never blocks the window; `close()` waits
 * for them. A failing disk is reported once on stderr and never crashes the app.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createStream } from 'rotating-file-stream';
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
  mkdirSync(dir, { recursive: true });
  // rotating-file-stream's classical rotation (it passes the rotation's number): aurora-desk.log,
  // then .1 (newest) … .N. A file is rotated once a write takes it to maxBytes.
  const stream = createStream((rotation: number | Date | null) => (rotation ? `${fileName}.${String(rotation)}` : fileName), {
    path: dir,
    size: `${Math.max(1, maxBytes)}B`,
    rotate: maxFiles,
    mode: 0o600,
  });
  let reportedFailure = false;
  stream.on('error', (error: unknown) => {
    if (reportedFailure) return;
    reportedFailure = true;
    console.error(`[aurora-desk] cannot write the log file ${path}: ${String(error)}`);
  });
  let written: Promise<void> = Promise.resolve();
  let closed = false;

  const write = (line: string) => {
    written = new Promise((resolve) => stream.write(line, () => resolve()));
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
    flush: () => written,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        stream.once('finish', () => resolve());
        stream.once('error', () => resolve());
        stream.end();
      });
    },
  };
}
