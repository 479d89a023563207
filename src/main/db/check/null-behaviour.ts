/**
 * What the desk does with NULL in a column it expects to hold a value: the sentence the schema
 * check prints beside "allows NULL". Each sentence is held to the behaviour by a test
 * (test/integration/nullable-*.test.ts and test/e2e/nullable-world.test.ts), so the check never
 * promises what the screens do not do.
 */

/** Columns without a sentence of their own. */
export const DEFAULT_NULL_BEHAVIOUR = 'screens show an empty value as "—" with the reason on hover';

const BALANCE_GRANT = 'a grant starts it from 0 and a take is refused';

/** By `table.column`. */
export const NULL_BEHAVIOUR: Readonly<Record<string, string>> = {
  'users.balance': `screens show "—" (no balance recorded); circulation leaves it out and counts the players without one; ${BALANCE_GRANT}`,
  'users.username': 'the profile shows "No username" and confirmations name the player by Discord ID instead',
  'classes.balance': 'screens show "—" (no balance recorded); the class banks total leaves it out and counts the classes without one',
  'inventory.quantity': 'screens show "—" (no quantity recorded); item supply leaves it out and counts the stacks without one; a grant starts the stack from 0 and a removal is refused',
  'transactions.amount': 'screens show "—" (no amount recorded); the daily chart\'s net leaves it out and counts the rows without one',
  'transactions.type': 'screens show "—" (no type recorded) and the type filter does not offer it',
  'item_transactions.type': 'screens show "—" (no type recorded) and the type filter does not offer it',
  'moderation_cases.active': 'the case shows "State not recorded", is listed under Recent only (neither Active nor Resolved), and resolving it records active = false',
  'moderation_cases.type': 'the case shows a "no type" badge; queue totals count it, the type chips do not',
  'moderation_cases.case_id': 'the case is named by its row number (#id) instead',
  'quests.requirements': 'the editor shows the field empty and the quest as outside the contract ("Empty: the column is NULL in the database"); edits to other fields leave it NULL',
  'quests.rewards': 'the editor shows the field empty and the quest as outside the contract ("Empty: the column is NULL in the database"); edits to other fields leave it NULL',
  'quests.trigger_event': 'the quest is shown as outside the contract and the trigger filter does not offer it',
  'items.usage_data': 'the editor shows the field empty and the item as outside the contract ("Empty: the column is NULL in the database"); edits to other fields leave it NULL',
  'lootdrops.currency': 'the currency filter and the spawn form do not offer it',
};

export function nullBehaviour(table: string, column: string): string {
  return NULL_BEHAVIOUR[`${table}.${column}`] ?? DEFAULT_NULL_BEHAVIOUR;
}
