/**
 * The error kinds the main process answers with, as the renderer sees them in
 * `error.data` of a tRPC error. One catalogue for both sides.
 */
export type DeskErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'FORBIDDEN'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Why a PRECONDITION_FAILED happened, so the renderer can point to the right setting. */
export type DeskPrecondition = 'identity' | 'discord' | 'read-only' | 'database';

export interface DeskErrorData {
  code: DeskErrorCode | string;
  httpStatus?: number;
  /** zod field errors: dotted path -> messages. */
  fieldErrors?: Record<string, string[]>;
  /** Form-level zod errors. */
  formErrors?: string[];
  precondition?: DeskPrecondition;
  /** For SERVICE_UNAVAILABLE: what is not there, the database or the desk itself (absent: the database). */
  unavailable?: 'database' | 'desk';
  /** Discord's answer, when the failure is Discord's: its HTTP status (null: no answer) and its own words. */
  discord?: { status: number | null; message: string | null };
  /** For CONFLICT: who changed the row and when, and the current version to show beside yours. */
  conflict?: {
    changedBy?: string;
    changedAt?: string;
    current?: unknown;
    /** Quests and items: the fields both sides changed (theirs, mine, the original), when the save sent its originals. */
    fields?: { field: string; original: string | null; theirs: string | null; mine: string | null }[];
  };
}
