/**
 * The everyday triage verbs on one case: reopen, edit the reason, add a note, claim, unclaim.
 * Each is one transaction on the locked row, conditional on what the moderator saw
 * (the rule is in case-lock.ts), and leaves its trace in `metadata.aurora_desk`.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CaseActionResult, CaseSeen } from '@shared/domain/moderation.js';
import type { StaffWrite } from '../../core/audit.js';
import type { AuroraTx } from '../../core/database.js';
import { ERRORS } from '../../core/errors.js';
import { moderationCases } from '../../db/schema.js';
import {
  assertClaimAsSeen,
  assertReasonAsSeen,
  assertStillResolvedAsSeen,
  lockCase,
  resolvedConflict,
  type LockedCase,
} from './case-lock.js';
import { deskMetaUpdate, summaryAfterWrite, txNow } from './case-write.js';
import {
  assertWritableMetadata,
  MAX_NOTES,
  readDeskMeta,
  staffStamp,
  withHistory,
  type DeskMeta,
} from './desk-metadata.js';
import { forgetCounts } from './queues.js';

interface CaseRef {
  id: bigint;
  expected: CaseSeen;
}

/** Locks, checks, writes; then answers the case as the list shows it. */
async function withLockedCase(write: StaffWrite, id: bigint, work: (tx: AuroraTx, locked: LockedCase) => Promise<void>): Promise<CaseActionResult> {
  await write.transaction(async (tx) => work(tx, await lockCase(tx, id)));
  forgetCounts(write.database);
  return { summary: await summaryAfterWrite(write.database, id) };
}

async function writeMeta(tx: AuroraTx, id: bigint, meta: DeskMeta, columns: Partial<typeof moderationCases.$inferInsert> = {}) {
  await tx
    .update(moderationCases)
    .set({ ...columns, metadata: deskMetaUpdate(meta) })
    .where(eq(moderationCases.id, id));
}

export function reopenCase(write: StaffWrite, input: CaseRef & { note?: string }) {
  const { actor } = write;
  return withLockedCase(write, input.id, async (tx, locked) => {
    await assertStillResolvedAsSeen(tx, locked, input.expected);
    // Reopening clears the resolution columns; the desk's history keeps what they said.
    assertWritableMetadata(locked.metadata, locked.caseId, 'keep the previous resolution when reopening');
    const now = await txNow(tx);
    const meta = withHistory(readDeskMeta(locked.metadata), {
      at: now.toISOString(),
      by: staffStamp(actor),
      action: 'reopened',
      text: input.note ?? null,
      previous: locked.resolvedReason,
    });
    await writeMeta(tx, locked.id, meta, { active: true, resolvedAt: null, resolvedBy: null, resolvedReason: null });
  });
}

export function editCaseReason(write: StaffWrite, input: CaseRef & { reason: string }) {
  const { actor } = write;
  return withLockedCase(write, input.id, async (tx, locked) => {
    assertReasonAsSeen(locked, input.expected);
    assertWritableMetadata(locked.metadata, locked.caseId, 'keep the previous reason');
    const reason = input.reason === '' ? null : input.reason;
    if (reason === locked.reason) return;
    const now = await txNow(tx);
    const meta = withHistory(readDeskMeta(locked.metadata), {
      at: now.toISOString(),
      by: staffStamp(actor),
      action: 'reason-edited',
      text: reason,
      previous: locked.reason,
    });
    await writeMeta(tx, locked.id, meta, { reason });
  });
}

export function addCaseNote(write: StaffWrite, input: { id: bigint; text: string }) {
  const { actor } = write;
  return withLockedCase(write, input.id, async (tx, locked) => {
    assertWritableMetadata(locked.metadata, locked.caseId, 'add notes');
    const meta = readDeskMeta(locked.metadata);
    if (meta.notes.length >= MAX_NOTES) {
      throw ERRORS.badRequest(`Case ${locked.caseId} already has ${MAX_NOTES} notes; open a new case to continue.`);
    }
    const now = await txNow(tx);
    meta.notes = [...meta.notes, { id: randomUUID(), at: now.toISOString(), by: staffStamp(actor), text: input.text }];
    await writeMeta(tx, locked.id, meta);
  });
}

export function claimCase(write: StaffWrite, input: CaseRef) {
  const { actor } = write;
  return withLockedCase(write, input.id, async (tx, locked) => {
    if (!locked.active) {
      if (input.expected.active) throw await resolvedConflict(tx, locked);
      throw ERRORS.badRequest(`Case ${locked.caseId} is resolved; only active cases are claimed for triage.`);
    }
    if (assertClaimAsSeen(locked, input.expected, actor.id)) return;
    assertWritableMetadata(locked.metadata, locked.caseId, 'record a claim');
    const now = await txNow(tx);
    const previous = readDeskMeta(locked.metadata).claim;
    const meta = withHistory(readDeskMeta(locked.metadata), {
      at: now.toISOString(),
      by: staffStamp(actor),
      action: 'claimed',
      previous: previous ? `${previous.name} (${previous.id})` : null,
    });
    meta.claim = { ...staffStamp(actor), at: now.toISOString() };
    await writeMeta(tx, locked.id, meta);
  });
}

export function unclaimCase(write: StaffWrite, input: CaseRef) {
  const { actor } = write;
  return withLockedCase(write, input.id, async (tx, locked) => {
    if (assertClaimAsSeen(locked, input.expected, null)) return;
    assertWritableMetadata(locked.metadata, locked.caseId, 'release a claim');
    const now = await txNow(tx);
    const previous = readDeskMeta(locked.metadata).claim;
    const meta = withHistory(readDeskMeta(locked.metadata), {
      at: now.toISOString(),
      by: staffStamp(actor),
      action: 'unclaimed',
      previous: previous ? `${previous.name} (${previous.id})` : null,
    });
    meta.claim = null;
    await writeMeta(tx, locked.id, meta);
  });
}
