/**
 * Two ways of loading a row stream. On a real PostgreSQL, COPY FROM STDIN (the fastest path, and
 * it needs no privilege beyond INSERT). On PGlite, multi-row INSERTs inside the caller's
 * transaction: PGlite only ever holds the small demo.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Cell, TableStream } from './rows.js';

/** COPY text format: backslash escapes for the characters that would end a field or row. */
function copyField(value: Cell): string {
  if (value === null) return '\\N';
  return /[\\\n\r\t]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')
    : value;
}

const CHUNK_CHARS = 1 << 19;

function* copyChunks(stream: TableStream, counter: { rows: number }): Generator<string> {
  let chunk = '';
  for (const row of stream.rows()) {
    let line = copyField(row[0] ?? null);
    for (let i = 1; i < row.length; i++) line += '\t' + copyField(row[i] ?? null);
    chunk += line + '\n';
    counter.rows++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Streams the rows through COPY on one client; returns the number of rows written. */
export async function copyRows(client: pg.PoolClient, stream: TableStream, freeze = false): Promise<number> {
  const counter = { rows: 0 };
  const sql = `COPY ${quoteIdent(stream.table)} (${stream.columns.map(quoteIdent).join(', ')}) FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`;
  await pipeline(Readable.from(copyChunks(stream, counter), { objectMode: false }), client.query(copyFrom(sql)));
  return counter.rows;
}

const literal = (value: Cell) => (value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`);

/** Builds multi-row INSERT statements of `batch` rows each. */
export function* insertStatements(stream: TableStream, batch = 500): Generator<{ sql: string; rows: number }> {
  const head = `INSERT INTO ${quoteIdent(stream.table)} (${stream.columns.map(quoteIdent).join(', ')}) VALUES `;
  let values: string[] = [];
  for (const row of stream.rows()) {
    values.push(`(${row.map(literal).join(', ')})`);
    if (values.length >= batch) {
      yield { sql: head + values.join(',\n'), rows: values.length };
      values = [];
    }
  }
  if (values.length) yield { sql: head + values.join(',\n'), rows: values.length };
}
