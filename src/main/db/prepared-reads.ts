/**
 * Reads a screen makes every time it opens, in one fixed shape: built by Drizzle once per
 * database handle, then only run. Building a query (its SQL text, its column mappers) costs
 * about 0.1–0.3 ms of Drizzle's time on every call, as much as PostgreSQL takes to answer a
 * small read on loopback; `npm run bench` (screens) shows the difference.
 *
 * The statement stays unnamed: PostgreSQL parses and plans it each time exactly as it would the
 * same text sent by hand, so a bot migration that changes a column never meets a stale plan, and
 * the bench's raw-pg baseline sends the very same text. Inputs go in as `sql.placeholder(name)`;
 * `build` gives the query unprepared, and this module prepares it, unnamed, so no caller can name it.
 *
 * Keyed by the Drizzle handle: a switched connection profile builds its own on first use, and a
 * closed one's are garbage with it.
 */
import type { AuroraDb } from '../core/database.js';

interface Prepared<Values, Result> {
  execute(values?: Values): Promise<Result>;
}

/** Drizzle's `.prepare(name)`: an empty name is an unnamed statement in pg, and PGlite ignores it. */
const UNNAMED = '';

export function preparedRead<Values extends Record<string, unknown>, Result>(
  build: (db: AuroraDb) => { prepare(name: string): Prepared<Values, Result> },
): (db: AuroraDb, values: Values) => Promise<Result> {
  const built = new WeakMap<AuroraDb, Prepared<Values, Result>>();
  return (db, values) => {
    let read = built.get(db);
    if (!read) built.set(db, (read = build(db).prepare(UNNAMED)));
    return read.execute(values);
  };
}
