/**
 * What a lootdrop looks like on Discord: an embed with the reward and a relative expiry
 * timestamp (<t:unix:R>, which every client renders as a live "in 5 minutes"), and one claim
 * button whose custom_id follows the configured format (see DEFAULT_CLAIM_BUTTON_FORMAT in
 * src/shared/domain/lootdrops.ts). When a drop expires or is cancelled, the same message is
 * edited: grey, the amount struck through, the button disabled.
 */
import { randomBytes } from 'node:crypto';
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
} from 'discord-api-types/v10';
import { renderClaimButtonId } from '@shared/domain/lootdrops.js';

export interface LootdropMessageContent {
  amount: number;
  currency: string;
  expiresAt: Date | null;
  customId: string;
}

export const LOOTDROP_COLOUR = 0xf1c40f;
export const CLOSED_COLOUR = 0x747f8d;

const formatReward = (amount: number, currency: string) => `${amount.toLocaleString('en-US')} ${currency}`;
const unix = (date: Date) => Math.floor(date.getTime() / 1000);

/** The custom_id for a new drop; {messageId} stays empty until the message exists. */
export function claimButtonId(format: string, drop: { channelId: string; amount: number; currency: string; messageId?: string; nonce?: string }): string {
  return renderClaimButtonId(format, {
    messageId: drop.messageId ?? '',
    channelId: drop.channelId,
    amount: String(drop.amount),
    currency: drop.currency,
    nonce: drop.nonce ?? randomBytes(8).toString('hex'),
  });
}

function claimRow(customId: string, label: string, disabled: boolean): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: disabled ? ButtonStyle.Secondary : ButtonStyle.Success, label, custom_id: customId, disabled }],
  };
}

function lootdropEmbed(content: Omit<LootdropMessageContent, 'customId'>): APIEmbed {
  return {
    title: 'A lootdrop appeared!',
    description: `**${formatReward(content.amount, content.currency)}** for whoever claims it first.`,
    color: LOOTDROP_COLOUR,
    fields: [
      { name: 'Reward', value: formatReward(content.amount, content.currency), inline: true },
      { name: 'Expires', value: content.expiresAt ? `<t:${unix(content.expiresAt)}:R>` : 'Never', inline: true },
    ],
  };
}

/** The message to post. `withButton: false` posts the embed alone (the button follows in an edit). */
export function lootdropMessage(content: LootdropMessageContent, withButton = true): RESTPostAPIChannelMessageJSONBody {
  return {
    embeds: [lootdropEmbed(content)],
    components: withButton ? [claimRow(content.customId, 'Claim', false)] : [],
    // A drop never pings anyone.
    allowed_mentions: { parse: [] },
  };
}

/** Adds the claim button once the message ID is known (formats with {messageId}). */
export function lootdropButtonEdit(content: LootdropMessageContent): RESTPatchAPIChannelMessageJSONBody {
  return { embeds: [lootdropEmbed(content)], components: [claimRow(content.customId, 'Claim', false)] };
}

export type ClosedReason = 'expired' | 'cancelled';

/** The edit for a drop that expired unclaimed or was cancelled by staff. */
export function closedLootdropMessage(
  content: { amount: number; currency: string; at: Date; customId: string | null },
  reason: ClosedReason,
): RESTPatchAPIChannelMessageJSONBody {
  const reward = formatReward(content.amount, content.currency);
  return {
    embeds: [
      {
        title: reason === 'expired' ? 'This lootdrop expired' : 'This lootdrop was cancelled',
        description: reason === 'expired' ? `~~${reward}~~ — nobody claimed it in time.` : `~~${reward}~~ — withdrawn by the event staff.`,
        color: CLOSED_COLOUR,
        fields: [{ name: reason === 'expired' ? 'Expired' : 'Cancelled', value: `<t:${unix(content.at)}:R>`, inline: true }],
      },
    ],
    // A disabled button when we know its ID (drops spawned here); a drop the bot posted loses its row.
    components: content.customId ? [claimRow(content.customId, reason === 'expired' ? 'Expired' : 'Cancelled', true)] : [],
  };
}
