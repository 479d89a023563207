/** Small pieces every case write shares. */
import { sql, type SQL } from 'drizzle-orm';
import type { CaseSummary } from '@shared/domain/moderation.js';
import type { AuroraDatabase } from '../../core/database.js';
import { moderationCases } from '../../db/schema.js';
import { ERRORS } from '../../core/errors.js';
import type { AuroraTx } from '../../core/database.js';
import { DESK_KEY, type DeskMeta } from './desk-metadata.js';
import { listCasesByIds } from './queues.js';

/** The database's clock (not this machine's), so desk entries sort with the bot's timestamps. */
export async function txNow(tx: AuroraTx): Promise<Date> {
  const result = (await tx.execute(
    sql`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now`,
  )) as unknown as { rows: { now: string }[] };
  return new Date(result.rows[0]!.now);
}

/** The namespace as stored: nearly every case has nothing pending on Discord, so no empty list in each. */
export function storedDeskMeta(meta: DeskMeta): Record<string, unknown> {
  const { discordPending, ...rest } = meta;
  return discordPending.length ? meta : rest;
}

/** Replaces only `metadata.aurora_desk`: every key the bot wrote stays exactly as it was. */
export function deskMetaUpdate(meta: DeskMeta): SQL {
  return sql`jsonb_set(${moderationCases.metadata}, ${`{${DESK_KEY}}`}::text[], ${JSON.stringify(storedDeskMeta(meta))}::jsonb, true)`;
}

/** The case as the list shows it, read after the transaction committed. */
export async function summaryAfterWrite(database: AuroraDatabase, id: bigint): Promise<CaseSummary> {
  const [summary] = await listCasesByIds(database, [id]);
  if (!summary) throw ERRORS.notFound(`Case #${id}`);
  return summary;
}
