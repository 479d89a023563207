import type { CaseSummary, DiscordOutcome, DiscordRecord } from '@shared/domain/moderation';

/** The bot's case id, or the row's own id where the bot left case_id NULL. */
export function caseName(c: Pick<CaseSummary, 'id' | 'caseId'>): string {
  return c.caseId ?? `#${c.id}`;
}

/** Who a case is about: the username, else the Discord ID, else that none was recorded. */
export function targetName(c: Pick<CaseSummary, 'username' | 'userId'>): string {
  if (c.username) return c.userId === null ? c.username : `${c.username} (${c.userId})`;
  return c.userId?.toString() ?? 'an unrecorded target';
}

/**
 * Whether the case can be resolved: active, or `active` NULL with no resolution recorded
 * (resolving settles it). The main process applies the same rule.
 */
export const isOpen = (c: Pick<CaseSummary, 'active' | 'resolvedAt'>) => c.active === true || (c.active === null && c.resolvedAt === null);

/** "ban D-MIB3K2QZ-7K2Q on nyx (1234…)": how confirmations name a case, exactly. */
export function caseLabel(c: Pick<CaseSummary, 'id' | 'type' | 'caseId' | 'username' | 'userId'>): string {
  return `${c.type ?? 'case'} ${caseName(c)} on ${targetName(c)}`;
}

const lifts: Record<string, string> = { ban: 'lift the ban', timeout: 'end the timeout' };

/** What resolving this case will do on Discord, or null when nothing. */
export function liftText(type: string | null): string | null {
  return type === null ? null : (lifts[type.toLowerCase()] ?? null);
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
