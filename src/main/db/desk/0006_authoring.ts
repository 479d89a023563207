import type { DeskMigration } from './types.js';

/**
 * Quest and item authoring.
 *
 * `authoring_revisions` remembers which desktop saved which version of a quest or item, so a
 * CONFLICT can say who changed the row since you opened it (and "outside Aurora Desk" when the
 * stored version is none of ours: the bot or a script wrote it). Writes record a revision in a
 * savepoint: where this table cannot exist, authoring still works, conflicts just name nobody.
 *
 * Indexes on the bot's tables, created softly through 0005's `aurora_desk.try_player_index`
 * (skipped, and noted in `aurora_desk.index_setup`, where this role may not create them):
 * quest stats and the players list read user_quests by quest (its key starts with user_id),
 * and deleting an item counts inventory and item_transactions rows by item.
 */
const indexes: [name: string, statement: string][] = [
  ['aurora_desk_user_quests_quest', 'CREATE INDEX IF NOT EXISTS aurora_desk_user_quests_quest ON user_quests (quest_id, completed_at)'],
  ['aurora_desk_inventory_item', 'CREATE INDEX IF NOT EXISTS aurora_desk_inventory_item ON inventory (item_id)'],
  ['aurora_desk_item_transactions_item', 'CREATE INDEX IF NOT EXISTS aurora_desk_item_transactions_item ON item_transactions (item_id)'],
];

export const authoring: DeskMigration = {
  version: 6,
  name: 'authoring',
  sql: `
    CREATE TABLE aurora_desk.authoring_revisions (
      id bigserial PRIMARY KEY,
      entity varchar(10) NOT NULL CHECK (entity IN ('quest', 'item')),
      entity_id integer NOT NULL,
      version varchar(128) NOT NULL,
      action varchar(20) NOT NULL,
      actor_id bigint NOT NULL,
      actor_name varchar(255) NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX aurora_desk_authoring_revisions_entity ON aurora_desk.authoring_revisions (entity, entity_id, id DESC);

    DO $idx$ BEGIN
      PERFORM set_config('lock_timeout', '5s', true);
${indexes.map(([name, statement]) => `      PERFORM aurora_desk.try_player_index('${name}', '${statement}');`).join('\n')}
    END $idx$;
  `,
};
