/**
 * How players read a quest: the objective in words ("Send 10 messages in #channel") and the
 * rewards ("500 coins", "2 × Moonstone"). Pieces, not markup: the preview renders them as text.
 */
import { questTrigger } from '@shared/domain/quests';

export type Piece = { kind: 'text'; text: string } | { kind: 'channel'; id: string } | { kind: 'item'; id: number } | { kind: 'quest'; id: number };

const text = (t: string): Piece => ({ kind: 'text', text: t });

interface LooseRequirements {
  target?: unknown;
  filters?: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "Send 10 messages in #…", from whatever the requirements hold (raw shapes included, as far as they go). */
export function objectivePieces(triggerEvent: string, requirements: unknown): Piece[] {
  const req: LooseRequirements = isRecord(requirements) ? requirements : {};
  const target = typeof req.target === 'number' ? req.target : null;
  const filters = isRecord(req.filters) ? req.filters : {};
  const trigger = questTrigger(triggerEvent);
  const count = target ?? '?';
  const pieces: Piece[] = [];
  if (!trigger) {
    pieces.push(text(`${triggerEvent || 'Custom event'} × ${count}`));
  } else if (trigger.progress === 'level') {
    pieces.push(text(`Reach level ${count}`));
  } else {
    const [one, many] = trigger.unit;
    const qualifiers = [filters.rarity, typeof filters.itemType === 'string' ? filters.itemType.toLowerCase() : undefined].filter((q) => typeof q === 'string');
    if (typeof filters.itemId === 'number' && (trigger.filters as readonly string[]).includes('itemId')) {
      pieces.push(text(`${trigger.verb} ${count} × `), { kind: 'item', id: filters.itemId });
    } else {
      pieces.push(text(`${trigger.verb} ${count} ${qualifiers.length ? `${qualifiers.join(' ')} ` : ''}${target === 1 ? one : many}`));
    }
  }
  if (typeof filters.channelId === 'string') pieces.push(text(' in '), { kind: 'channel', id: filters.channelId });
  if (typeof filters.currency === 'string') pieces.push(text(` paying ${filters.currency}`));
  if (typeof filters.questId === 'number') pieces.push(text(': '), { kind: 'quest', id: filters.questId });
  return pieces;
}

export interface RewardLine {
  kind: 'currency' | 'xp' | 'item';
  amount: string;
  itemId?: number;
}

export function rewardLines(rewards: unknown): RewardLine[] {
  if (!isRecord(rewards)) return [];
  const lines: RewardLine[] = [];
  if (typeof rewards.currency === 'string' && /^\d+$/.test(rewards.currency)) lines.push({ kind: 'currency', amount: rewards.currency });
  if (typeof rewards.xp === 'number') lines.push({ kind: 'xp', amount: String(rewards.xp) });
  if (Array.isArray(rewards.items)) {
    for (const entry of rewards.items) {
      if (isRecord(entry) && typeof entry.itemId === 'number') lines.push({ kind: 'item', amount: String(entry.quantity ?? '?'), itemId: entry.itemId });
    }
  }
  return lines;
}
