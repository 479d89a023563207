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

const discordDone: Record<DiscordRecord['action'], string> = {
  ban: 'member banned',
  unban: 'ban lifted',
  timeout: 'member timed out',
  'clear-timeout': 'timeout cleared',
  kick: 'member kicked',
};

/** "3 Dec, 09:53" in this machine's time zone. */
const shortMoment = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A timeline's Discord entry in words: "member timed out until 3 Dec, 09:53", "timeout cleared", "could not ban the member". */
export function discordEntryText(action: DiscordRecord['action'], ok: boolean, until?: Date | null): string {
  if (!ok) return `could not ${discordActionText(action)}`;
  const done = discordDone[action] ?? action;
  return until ? `${done} until ${shortMoment.format(until)}` : done;
}
