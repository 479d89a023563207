/**
 * The lootdrop settings in force: the claim button format and the currencies a drop may pay
 * out. Both live in Settings → Discord; without them, the format is the documented default and
 * the currencies are the ones the bot has already used in `lootdrops` (else COINS).
 */
import {
  claimButtonFormatProblem,
  DEFAULT_CLAIM_BUTTON_FORMAT,
  DEFAULT_CURRENCIES,
  type LootdropSettingsView,
} from '@shared/domain/lootdrops.js';
import type { AuroraDatabase } from '../../core/database.js';
import { ERRORS } from '../../core/errors.js';
import type { DeskServices } from '../../core/services.js';
import { sharedAnswer, timedCache } from '../../core/timed-cache.js';

export interface LootdropConfig {
  claimButtonFormat: string;
  claimButtonFormatIsDefault: boolean;
  claimButtonFormatProblem: string | null;
  currencies: string[];
  currencySource: LootdropSettingsView['currencySource'];
}

/** The bot's currencies as its table shows them; a full scan, so kept for a while. */
const history = timedCache<AuroraDatabase, Promise<string[]>>({ ttlMs: 5 * 60_000, max: 1 });

function currenciesInHistory(database: AuroraDatabase): Promise<string[]> {
  return sharedAnswer(history, database, 'currencies', async () => {
    const { rows } = await database.query<{ currency: string }>(
      // A drop whose currency is NULL names no currency to offer.
      `SELECT currency FROM lootdrops WHERE currency IS NOT NULL GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 20`,
    );
    return rows.map((r) => r.currency);
  });
}

export async function readLootdropConfig(services: DeskServices, database: AuroraDatabase): Promise<LootdropConfig> {
  const stored = services.settings?.store.current().discord;
  const format = stored?.claimButtonFormat?.trim() || null;
  const claimButtonFormat = format ?? DEFAULT_CLAIM_BUTTON_FORMAT;
  let currencies: string[];
  let currencySource: LootdropConfig['currencySource'];
  if (stored?.currencies?.length) {
    currencies = [...stored.currencies];
    currencySource = 'settings';
  } else {
    const seen = await currenciesInHistory(database);
    currencies = seen.length ? seen : [...DEFAULT_CURRENCIES];
    currencySource = seen.length ? 'history' : 'default';
  }
  return {
    claimButtonFormat,
    claimButtonFormatIsDefault: format === null,
    claimButtonFormatProblem: claimButtonFormatProblem(claimButtonFormat),
    currencies,
    currencySource,
  };
}

export async function describeLootdropSettings(services: DeskServices): Promise<LootdropSettingsView> {
  const config = await readLootdropConfig(services, services.database());
  return { discord: services.discord.status(), ...config };
}

/** Refuses a currency outside the configured list, and a format spawning cannot use. */
export function assertSpawnable(config: LootdropConfig, currency: string): void {
  if (config.claimButtonFormatProblem) {
    throw ERRORS.badRequest(`The claim button format in Settings → Discord cannot be used: ${config.claimButtonFormatProblem}`);
  }
  if (!config.currencies.includes(currency)) {
    throw ERRORS.badRequest(`"${currency}" is not one of the configured currencies (${config.currencies.join(', ')}).`, {
      currency: [`Choose one of ${config.currencies.join(', ')}`],
    });
  }
}
