import { Box, Group, Progress, Stack, Text } from '@mantine/core';
import { IconCoin, IconScript, IconSparkles } from '@tabler/icons-react';
import { formatAmount } from '@renderer/lib/format';
import { ItemIcon, useItemsByIds } from '../../items';
import { objectivePieces, rewardLines, type Piece } from '../preview-text';
import { triggerMeaning } from './TriggerField';

export interface QuestPreviewCardProps {
  name: string;
  description: string | null;
  triggerEvent: string;
  requirements: unknown;
  rewards: unknown;
  questId?: number;
  /** Names of quests a QUEST_COMPLETED filter points at. */
  questName?(id: number): string | undefined;
}

// Discord's dark palette: the card shows the quest the way players meet it in the client.
const discord = {
  message: '#313338',
  embed: '#2b2d31',
  text: '#dbdee1',
  muted: '#949ba4',
  header: '#f2f3f5',
  mention: 'rgba(88, 101, 242, 0.3)',
  mentionText: '#c9cdfb',
  accent: '#646ce8',
};

function Mention({ children }: { children: string }) {
  return (
    <Text span inherit style={{ background: discord.mention, color: discord.mentionText, borderRadius: 3, padding: '0 2px' }}>
      {children}
    </Text>
  );
}

/** The quest as a Discord embed from the bot: everything as plain text, never markup. */
export function QuestPreviewCard({ name, description, triggerEvent, requirements, rewards, questId, questName }: QuestPreviewCardProps) {
  const pieces = objectivePieces(triggerEvent, requirements);
  const lines = rewardLines(rewards);
  const itemIds = [...pieces.flatMap((p) => (p.kind === 'item' ? [p.id] : [])), ...lines.flatMap((l) => (l.itemId !== undefined ? [l.itemId] : []))];
  const items = useItemsByIds(itemIds);
  const item = (id: number) => items.data?.find((i) => i.id === id);
  const target = typeof (requirements as { target?: unknown } | null)?.target === 'number' ? ((requirements as { target: number }).target) : null;

  const renderPiece = (piece: Piece, index: number) => {
    switch (piece.kind) {
      case 'text':
        return <span key={index}>{piece.text}</span>;
      case 'channel':
        return <Mention key={index}>{`#${piece.id}`}</Mention>;
      case 'quest':
        return <Mention key={index}>{questName?.(piece.id) ?? `quest #${piece.id}`}</Mention>;
      case 'item': {
        const found = item(piece.id);
        return (
          <Text span inherit fw={600} key={index}>
            {found?.name ?? `item #${piece.id}`}
          </Text>
        );
      }
    }
  };

  return (
    <Box p="sm" style={{ background: discord.message, borderRadius: 8, color: discord.text }} data-testid="quest-preview">
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Box w={36} h={36} style={{ flex: 'none', borderRadius: '50%', background: 'linear-gradient(135deg, #5ee7c7 0%, #646ce8 55%, #c56cf0 100%)' }} aria-hidden />
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6}>
            <Text size="sm" fw={600} c={discord.header}>
              Aurora
            </Text>
            <Text span fz={10} fw={700} px={4} style={{ background: '#5865f2', color: 'white', borderRadius: 3, lineHeight: '15px' }}>
              BOT
            </Text>
            <Text size="xs" c={discord.muted}>
              Today at 12:00
            </Text>
          </Group>
          <Box style={{ background: discord.embed, borderLeft: `4px solid ${discord.accent}`, borderRadius: 4, maxWidth: 460 }} p="sm">
            <Stack gap={8}>
              <Group gap={4}>
                <IconScript size={14} color={discord.muted} />
                <Text size="xs" fw={600} c={discord.header}>
                  New quest
                </Text>
              </Group>
              <Text fw={700} c={discord.header} size="md" style={{ overflowWrap: 'break-word' }} data-testid="quest-preview-title">
                {name.trim() || 'Untitled quest'}
              </Text>
              {description ? (
                <Text size="sm" c={discord.text} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {description}
                </Text>
              ) : null}
              <Stack gap={2}>
                <Text size="xs" fw={700} c={discord.header}>
                  Objective
                </Text>
                <Text size="sm" c={discord.text} data-testid="quest-preview-objective">
                  {pieces.map(renderPiece)}
                </Text>
              </Stack>
              {target !== null ? (
                <Stack gap={2}>
                  <Text size="xs" fw={700} c={discord.header}>
                    Progress
                  </Text>
                  <Group gap="xs" wrap="nowrap">
                    <Progress aria-label="Progress" value={0} w={180} size="sm" color="aurora" bg="#1e1f22" />
                    <Text size="xs" c={discord.muted}>
                      0 / {formatAmount(target)}
                    </Text>
                  </Group>
                </Stack>
              ) : null}
              <Stack gap={2}>
                <Text size="xs" fw={700} c={discord.header}>
                  Rewards
                </Text>
                {lines.length === 0 ? (
                  <Text size="sm" c={discord.muted}>
                    No reward — the glory is its own.
                  </Text>
                ) : (
                  <Stack gap={3} data-testid="quest-preview-rewards">
                    {lines.map((line, index) => {
                      if (line.kind === 'item') {
                        const found = line.itemId !== undefined ? item(line.itemId) : undefined;
                        return (
                          <Group key={index} gap={6} wrap="nowrap">
                            <ItemIcon url={found?.iconUrl} type={found?.type} rarity={found?.rarity} size={18} name={found?.name} />
                            <Text size="sm" c={discord.text}>
                              {formatAmount(line.amount)} × {found?.name ?? `item #${line.itemId}`}
                            </Text>
                          </Group>
                        );
                      }
                      const Icon = line.kind === 'currency' ? IconCoin : IconSparkles;
                      return (
                        <Group key={index} gap={6} wrap="nowrap">
                          <Icon size={18} color={line.kind === 'currency' ? '#f0b232' : '#5ee7c7'} />
                          <Text size="sm" c={discord.text}>
                            {formatAmount(line.amount)} {line.kind === 'currency' ? 'coins' : 'XP'}
                          </Text>
                        </Group>
                      );
                    })}
                  </Stack>
                )}
              </Stack>
              <Text size="xs" c={discord.muted} title={triggerEvent || undefined} data-testid="preview-trigger">
                {triggerEvent ? triggerMeaning(triggerEvent) : '—'}
                {questId !== undefined ? ` • Quest #${questId}` : ''}
              </Text>
            </Stack>
          </Box>
        </Stack>
      </Group>
    </Box>
  );
}
