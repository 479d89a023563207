import type { CaseSummary } from '@shared/domain/moderation';

/** "ban D-MIB3K2QZ-7K2Q on nyx (1234…)": how confirmations name a case, exactly. */
export function caseLabel(c: Pick<CaseSummary, 'type' | 'caseId' | 'username' | 'userId'>): string {
  return `${c.type} ${c.caseId} on ${c.username ? `${c.username} (${c.userId})` : c.userId.toString()}`;
}

const lifts: Record<string, string> = { ban: 'lift the ban', timeout: 'end the timeout' };

/** What resolving this case will do on Discord, or null when nothing. */
export function liftText(type: string): string | null {
  return lifts[type.toLowerCase()] ?? null;
}
