import type { CaseSummary, DiscordOutcome, DiscordRecord } from '@shared/domain/moderation';

/** "ban D-MIB3K2QZ-7K2Q on nyx (1234…)": how confirmations name a case, exactly. */
export function caseLabel(c: Pick<CaseSummary, 'type' | 'caseId' | 'username' | 'userId'>): string {
  return `${c.type} ${c.caseId} on ${c.username ? `${c.username} (${c.userId})` : c.userId.toString()}`;
}

const lifts: Record<string, string> = { ban: 'lift the ban', timeout: 'end the timeout' };

/** What resolving this case will do on Discord, or null when nothing. */
export function liftText(type: string): string | null {
  return lifts[type.toLowerCase()] ?? null;
}

const discordActions: Record<DiscordRecord['action'], string> = {
  ban: 'ban the member',
  unban: 'lift the ban',
  timeout: 'time the member out',
  'clear-timeout': 'end the timeout',
  kick: 'kick the member',
};

/** "lift the ban": what a Discord action does, in words. */
export function discordActionText(action: DiscordRecord['action']): string {
  return discordActions[action] ?? action;
}

/** A notification's title for what Discord answered, when it is not a plain success. */
export function discordOutcomeTitle(outcome: DiscordOutcome): string {
  const what = outcome.action ?? 'action';
  return outcome.unknown ? `Discord: outcome of the ${what} unknown` : `Not carried out on Discord: the ${what}`;
}
