import { z } from 'zod';
import { infinitePageShape, int8Schema, snowflakeBigintSchema } from '../input-bounds.js';

export const auditFilterSchema = z.strictObject({
  actorId: snowflakeBigintSchema.optional(),
  outcome: z.enum(['ok', 'error']).optional(),
  procedure: z.string().max(120).optional(),
  search: z.string().max(200).optional(),
  cursor: int8Schema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  ...infinitePageShape,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditEntry {
  id: bigint;
  at: Date;
  /** Null: a settings change made while no staff identity was set. */
  actorId: bigint | null;
  actorName: string | null;
  procedure: string;
  input: unknown;
  outcome: string;
  errorCode: string | null;
  errorMessage: string | null;
  durationMs: number;
}
