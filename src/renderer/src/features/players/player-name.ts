/** How a player is named in titles and confirmations: the username, or the Discord ID where the bot recorded none. */
export function playerName(player: { id: bigint; username: string | null }): string {
  return player.username ?? `player ${player.id}`;
}
