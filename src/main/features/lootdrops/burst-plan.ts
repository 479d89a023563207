/**
 * An event burst's plan, decided up front and stored with it, so progress is "slot k of N"
 * and a resumed burst spawns exactly the drops that are left.
 *
 * - fixed spacing: drop i goes out at i × window / N (the first at once);
 * - random spacing: the first at once, the others at random moments within the window;
 * - channels in turn (round robin, in the order chosen), so every channel gets its share;
 * - each amount drawn uniformly from [min, max].
 */
import type { BurstSlot, StartBurstInput } from '@shared/domain/lootdrops.js';

export type Random = () => number;

export function planBurst(input: Pick<StartBurstInput, 'channelIds' | 'count' | 'windowMinutes' | 'spacing' | 'amountMin' | 'amountMax'>, random: Random = Math.random): BurstSlot[] {
  const windowMs = input.windowMinutes * 60_000;
  const offsets =
    input.spacing === 'fixed'
      ? Array.from({ length: input.count }, (_, i) => Math.round((i * windowMs) / input.count))
      : [0, ...Array.from({ length: input.count - 1 }, () => Math.floor(random() * windowMs))].sort((a, b) => a - b);
  const span = input.amountMax - input.amountMin + 1;
  return offsets.map((offsetMs, i) => ({
    offsetMs,
    channelId: input.channelIds[i % input.channelIds.length]!,
    amount: input.amountMin + Math.min(span - 1, Math.floor(random() * span)),
  }));
}
