/**
 * Carrying a case out on Discord (timeout, kick, ban when opened) and lifting it (a ban or a
 * timeout when resolved). Never throws: the outcome, failure included, is recorded on the case.
 */
import type { DiscordOutcome, DiscordRecord } from '@shared/domain/moderation.js';
import type { StaffIdentity } from '@shared/identity.js';
import { describeDiscordError, type DiscordTarget } from '../../core/discord/index.js';
import { staffStamp, type StoredDiscord } from './desk-metadata.js';

export type DiscordAct = DiscordRecord['action'];

export interface DiscordActRequest {
  action: DiscordAct;
  userId: bigint;
  reason: string;
  until?: Date;
  deleteMessageSeconds?: number;
}

export interface DiscordActResult {
  outcome: DiscordOutcome;
  /** What to record on the case (absent when nothing was attempted). */
  record: StoredDiscord | null;
}

export const notAttempted = (message: string | null, action: DiscordAct | null = null): DiscordActResult => ({
  outcome: { attempted: false, ok: false, action, message },
  record: null,
});

export async function actOnDiscord(target: DiscordTarget, actor: StaffIdentity, request: DiscordActRequest): Promise<DiscordActResult> {
  const { client, guildId } = target;
  const auditReason = `${request.reason} (by ${actor.name} via Aurora Desk)`;
  const stored: StoredDiscord = {
    at: new Date().toISOString(),
    by: staffStamp(actor),
    action: request.action,
    ok: true,
    until: request.until?.toISOString() ?? null,
  };
  try {
    switch (request.action) {
      case 'timeout':
        await client.timeoutMember(guildId, request.userId, request.until!, auditReason);
        break;
      case 'kick':
        await client.kickMember(guildId, request.userId, auditReason);
        break;
      case 'ban':
        await client.banMember(guildId, request.userId, auditReason, { deleteMessageSeconds: request.deleteMessageSeconds ?? 0 });
        break;
      case 'unban':
        await client.unbanMember(guildId, request.userId, auditReason);
        break;
      case 'clear-timeout':
        await client.clearTimeout(guildId, request.userId, auditReason);
        break;
    }
    return { outcome: { attempted: true, ok: true, action: request.action, message: null }, record: stored };
  } catch (error) {
    const failure = describeDiscordError(error);
    const failed: StoredDiscord = { ...stored, ok: false, error: failure.message, errorKind: failure.kind };
    return { outcome: { attempted: true, ok: false, action: request.action, message: failure.message }, record: failed };
  }
}

/** The action that lifts a case of this type on Discord, if any. */
export function liftActionFor(type: string): DiscordAct | null {
  const t = type.toLowerCase();
  if (t === 'ban') return 'unban';
  if (t === 'timeout') return 'clear-timeout';
  return null;
}

/** The action that carries out a newly opened case of this type, if any. */
export function carryOutActionFor(type: string): Extract<DiscordAct, 'timeout' | 'kick' | 'ban'> | null {
  const t = type.toLowerCase();
  return t === 'timeout' || t === 'kick' || t === 'ban' ? t : null;
}
