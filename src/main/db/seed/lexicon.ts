/** Words of Aurora's world for the demo and scale data: names, reasons, descriptions. */

export const CLASS_NAMES = ['Warrior', 'Mage', 'Rogue', 'Cleric', 'Ranger', 'Paladin', 'Necromancer', 'Bard'] as const;

export const ITEM_TYPES = ['MATERIAL', 'CONSUMABLE', 'EQUIPMENT', 'COLLECTIBLE', 'KEY'] as const;
export const RARITIES = ['Common', 'Uncommon', 'Rare', 'Epic', 'Legendary'] as const;
/** How often each rarity appears among item definitions and drops. */
export const RARITY_WEIGHTS = [45, 27, 16, 9, 3];
export const RARITY_PRICE = [25, 90, 400, 1800, 9000];

export const ITEM_ADJECTIVES = [
  'Ancient', 'Blazing', 'Frozen', 'Gilded', 'Hollow', 'Lunar', 'Mossy', 'Radiant', 'Shadow', 'Silver',
  'Storm', 'Sunlit', 'Tidal', 'Verdant', 'Whispering', 'Crimson', 'Obsidian', 'Starforged', 'Rusty', 'Ember',
  'Glacial', 'Runed', 'Feral', 'Arcane', 'Dusk', 'Dawn', 'Cursed', 'Blessed', 'Thorned', 'Spectral',
];

export const ITEM_NOUNS: Record<(typeof ITEM_TYPES)[number], readonly string[]> = {
  MATERIAL: ['Ore', 'Shard', 'Pelt', 'Timber', 'Crystal', 'Dust', 'Ingot', 'Silk', 'Scale', 'Resin'],
  CONSUMABLE: ['Potion', 'Elixir', 'Tonic', 'Scroll', 'Bread', 'Draught', 'Salve', 'Tea', 'Charm', 'Brew'],
  EQUIPMENT: ['Blade', 'Bow', 'Helm', 'Gauntlets', 'Staff', 'Shield', 'Cloak', 'Boots', 'Amulet', 'Ring'],
  COLLECTIBLE: ['Figurine', 'Coin', 'Banner', 'Feather', 'Relic', 'Map', 'Medal', 'Idol', 'Card', 'Shell'],
  KEY: ['Key', 'Sigil', 'Lockpick', 'Seal', 'Pass', 'Keystone', 'Token', 'Cipher', 'Glyph', 'Chime'],
};

export const EQUIPMENT_SLOTS = ['weapon', 'head', 'chest', 'hands', 'feet', 'trinket', 'offhand'] as const;
export const COLLECTION_SETS = ['Starfall', 'Deepwood', 'Sunken Court', 'First Winter', 'Aurora Festival'] as const;

export const NAME_STARTS = [
  'ash', 'bel', 'cor', 'dra', 'el', 'fen', 'gal', 'hal', 'is', 'jor', 'kai', 'lum', 'mor', 'nyx', 'or',
  'pyr', 'quin', 'rav', 'syl', 'tor', 'umb', 'val', 'wyn', 'xel', 'yor', 'zeph', 'mira', 'lio', 'sora', 'kit',
];
export const NAME_ENDS = [
  'a', 'en', 'ix', 'or', 'wyn', 'ra', 'el', 'is', 'us', 'yn', 'ari', 'o', 'ette', 'ion', 'ia', 'ek', 'an', 'ith', 'ae', 'ul',
];
export const NAME_SUFFIXES = ['', '', '', '_', '.', 'x', 'tv', 'gg', 'uwu', 'dev'];

export const MODERATOR_NAMES = [
  'Sentinel Maren', 'Warden Tove', 'Keeper Ilse', 'Ranger Osk', 'Captain Brynn', 'Scribe Halvard',
  'Marshal Edda', 'Watcher Fenn', 'Steward Oona', 'Sage Rurik', 'Beacon Liv', 'Herald Ansel',
];
export const AUTOMOD_NAME = 'Aurora AutoMod';

export const CASE_TYPES = ['warn', 'timeout', 'kick', 'ban', 'note', 'mute', 'softban', 'voice_mute'] as const;
/** The bot's own types first; mute, softban and voice_mute are custom types some servers added. */
export const CASE_WEIGHTS = [38, 24, 7, 6, 12, 7, 2, 4];

export const CASE_REASONS: Record<string, readonly string[]> = {
  warn: [
    'Spamming the same message in #general',
    'Excessive caps and emoji spam',
    'Begging for items in #trading',
    'Off-topic arguing after being asked to stop',
    'Posting referral links',
    'Minor slur, first offence',
    'Pinging staff for no reason',
    'Advertising another server in DMs (reported)',
    'Trading outside the official trade channel',
    'Spoilers for the new raid without tags',
  ],
  timeout: [
    'Repeated spam after a warning',
    'Heated argument, cooling-off period',
    'Flooding #lootdrops with claim macros',
    'Harassing a player in voice',
    'Inappropriate nickname, refused to change it',
    'Baiting other members',
  ],
  kick: [
    'Alt account used to farm dailies',
    'Refused to follow staff instructions',
    'NSFW avatar, asked to change it',
    'Joined only to advertise',
  ],
  ban: [
    'Scamming players in trades (proof in ticket #4821)',
    'Real-money trading of Legendary items',
    'Using a macro to auto-claim lootdrops',
    'Hate speech',
    'Doxxing another member',
    'Compromised account posting phishing links',
    'Ban evasion with an alt',
    'Exploiting the shop duplication bug',
  ],
  note: [
    'Asked about refund policy, pointed to #faq',
    'Possible alt of a banned user, keep an eye on it',
    'Reported a bug with the daily streak',
    'Verified age for the event channel',
    'Was helpful during the raid, consider for helper role',
  ],
  mute: ['Mic spam in voice', 'Soundboard abuse in #raid-voice', 'Screaming in voice during the event'],
  softban: ['Spam bot, messages purged', 'Mass-mention raid account'],
  voice_mute: ['Music bot abuse', 'Background noise, ignored requests'],
};

export const RESOLVE_REASONS = [
  'Appeal accepted',
  'Expired',
  'Issued in error',
  'Good behaviour since',
  'Duplicate case',
  'Reviewed with the team, lifted',
];

export const TRIGGER_EVENTS = [
  'MESSAGE_SENT', 'ITEM_COLLECTED', 'ITEM_USED', 'LOOTDROP_CLAIMED', 'DAILY_CLAIMED', 'LEVEL_UP',
  'VOICE_MINUTES', 'TRADE_COMPLETED', 'SHOP_PURCHASE', 'WORK_COMPLETED',
] as const;

export const QUEST_VERBS: Record<(typeof TRIGGER_EVENTS)[number], string> = {
  MESSAGE_SENT: 'Send {n} messages in the tavern',
  ITEM_COLLECTED: 'Collect {n} {item}',
  ITEM_USED: 'Use {n} {item}',
  LOOTDROP_CLAIMED: 'Claim {n} lootdrops',
  DAILY_CLAIMED: 'Claim your daily reward {n} times',
  LEVEL_UP: 'Reach level {n}',
  VOICE_MINUTES: 'Spend {n} minutes in voice with your party',
  TRADE_COMPLETED: 'Complete {n} trades',
  SHOP_PURCHASE: 'Buy {n} items from the shop',
  WORK_COMPLETED: 'Work {n} shifts',
};

export const QUEST_TITLES_A = [
  'The', 'A', 'Whispers of the', 'Trial of the', 'Path of the', 'Return of the', 'Legend of the', 'Call of the',
];
export const QUEST_TITLES_B = [
  'Northern', 'Hollow', 'Burning', 'Silent', 'Frozen', 'Golden', 'Lost', 'Wandering', 'Last', 'Crimson',
  'Hidden', 'Shattered', 'Twin', 'Ancient', 'Restless',
];
export const QUEST_TITLES_C = [
  'Lights', 'Forge', 'Tide', 'Crown', 'Grove', 'Lantern', 'Pact', 'Vault', 'Caravan', 'Spire', 'Hunt', 'Harvest',
];

export const CHANNEL_NAMES = ['general', 'tavern', 'lootdrops', 'trading', 'raids', 'events', 'quests', 'offtopic'];
export const CURRENCIES = ['COINS', 'GEMS', 'TOKENS'] as const;
