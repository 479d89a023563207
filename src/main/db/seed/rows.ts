/**
 * Row streams shared by the generators and the writers. A cell is already in PostgreSQL's text
 * form (int8 as a decimal string, booleans 't'/'f', timestamps ISO without zone, JSON text), so
 * the COPY writer and the INSERT writer send exactly the same values.
 */
import type { BotTableName } from '../schema.js';

export type Cell = string | null;

export interface TableStream {
  table: BotTableName;
  columns: readonly string[];
  rows(): Iterable<Cell[]>;
}

export const bool = (value: boolean): string => (value ? 't' : 'f');
export const json = (value: unknown): string => JSON.stringify(value);
