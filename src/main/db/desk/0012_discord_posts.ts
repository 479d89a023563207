import type { DeskMigration } from './types.js';

/**
 * Messages the desk posts on Discord, from intent to outcome: the outbox for message creates.
 *
 * A row is written (`posting`) and committed before the message is sent, with the nonce it is
 * sent under (`enforce_nonce`: Discord makes at most one message per nonce and answers a repeat
 * with the first). No answer in time makes it `checking`: the desk sends the same body and nonce
 * again to learn the message's ID instead of guessing, and until then the board shows the drop
 * as "checking Discord…". `posted` rows carry the message ID and when Discord accepted it;
 * `failed` rows Discord's refusal; `abandoned` rows were given up before they were sent;
 * `lost` rows never got an answer while Discord still remembered the nonce.
 *
 * `details` is what the subject needs to record the message once its ID is known (a lootdrop's
 * amount, currency, lifetime, claim button and burst slot). One open row per submission: a
 * second desktop sending the same form waits for the first instead of posting again.
 */
export const discordPosts: DeskMigration = {
  version: 12,
  name: 'discord_posts',
  sql: `
    CREATE TABLE aurora_desk.discord_posts (
      nonce varchar(25) PRIMARY KEY,
      subject varchar(40) NOT NULL,
      subject_key varchar(100) NOT NULL,
      channel_id varchar(255) NOT NULL,
      body jsonb NOT NULL,
      details jsonb NOT NULL,
      actor_id bigint NOT NULL,
      actor_name varchar(255) NOT NULL,
      run_id varchar(64) NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      state varchar(20) NOT NULL DEFAULT 'posting'
        CHECK (state IN ('posting', 'checking', 'posted', 'failed', 'abandoned', 'lost')),
      waiting_until timestamptz,
      message_id varchar(255),
      accepted_at timestamptz,
      detail text,
      settled_at timestamptz
    );
    CREATE UNIQUE INDEX aurora_desk_discord_posts_open ON aurora_desk.discord_posts (subject, subject_key)
      WHERE state IN ('posting', 'checking');
    CREATE INDEX aurora_desk_discord_posts_unsettled ON aurora_desk.discord_posts (requested_at)
      WHERE state IN ('posting', 'checking');
  `,
};
