import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { DeskDiscordPermission, DiscordSetupCheck } from '@shared/domain/discord';

/** What each permission is for at the desk, beside its name as Discord's server settings show it. */
const usedFor: Record<DeskDiscordPermission, string> = {
  'Send Messages': 'posting lootdrops',
  'Manage Messages': 'closing and cancelling lootdrop messages',
  'Ban Members': 'bans and lifting them',
  'Moderate Members': 'timeouts and clearing them',
  'Kick Members': 'kicks',
};

/** What the test call made when the Discord settings were saved found. */
export function DiscordCheckView({ check, tested = false }: { check: DiscordSetupCheck; tested?: boolean }) {
  const found = (
    <>
      {check.bot ? (
        <>
          Bot <b>{check.bot.name}</b>
        </>
      ) : null}
      {check.guild ? (
        <>
          {' '}in <b>{check.guild.name}</b>
        </>
      ) : null}
    </>
  );
  if (check.problem) {
    return (
      <Alert color="yellow" icon={<IconAlertTriangle size={16} />} title={tested ? "Discord did not confirm these settings" : "Saved, but Discord did not confirm these settings"} data-testid="discord-check" data-state="problem">
        {check.bot ? <Text size="sm">{found}.</Text> : null}
        <Text size="sm">{check.problem}</Text>
      </Alert>
    );
  }
  if (check.missing.length) {
    return (
      <Alert color="yellow" icon={<IconAlertTriangle size={16} />} title={tested ? "The bot lacks permissions the desk uses" : "Saved: the bot lacks permissions the desk uses"} data-testid="discord-check" data-state="missing">
        <Text size="sm">{found}. Missing in the server&apos;s roles:</Text>
        <List size="sm" mt={4}>
          {check.missing.map((name) => (
            <List.Item key={name} data-testid="discord-check-missing">
              <b>{name}</b>: {usedFor[name]}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  return (
    <Alert color="teal" icon={<IconCircleCheck size={16} />} title={tested ? "Checked with Discord" : "Saved and checked with Discord"} data-testid="discord-check" data-state="ok">
      <Text size="sm">{found}: every permission the desk uses is granted.</Text>
    </Alert>
  );
}
