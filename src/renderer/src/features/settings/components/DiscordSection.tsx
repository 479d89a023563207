import { Accordion, Badge, Button, Checkbox, Group, PasswordInput, Stack, TagsInput, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import type { SettingsView } from '@shared/domain/settings';
import { notifySuccess } from '@renderer/lib/notify';
import { useLeaveGuard } from '@renderer/lib/router';
import { useLastDiscordCheck, useSetDiscord, useTestDiscord } from '../api';
import { useSettingsForm } from '../hooks/use-settings-form';
import { DiscordCheckView } from './DiscordCheckView';
import { FormError } from './FormError';
import { monoInput } from './mono-input';
import { SnowflakeInput } from './SnowflakeInput';

/** The bot's token (write-only) and the server it acts in; used by lootdrops and moderation actions. */
export function DiscordSection({ view }: { view: SettingsView }) {
  const d = view.discord;
  const save = useSetDiscord();
  const removeToken = useSetDiscord();
  const saved = useLastDiscordCheck();
  const tester = useTestDiscord();
  // The latest answer: a test after the save, or the save's own check.
  const check = tester.data !== undefined ? tester.data : saved;
  const form = useSettingsForm({ guildId: d.guildId?.toString() ?? '', token: '', apiBase: d.apiBase ?? '', claimButtonFormat: d.claimButtonFormat ?? '' }, save.error);
  const [currencies, setCurrencies] = useState<string[]>(d.currencies);
  const [allowCustomApiBase, setAllowCustomApiBase] = useState(d.allowCustomApiBase);
  // In an installed app the address is Discord's unless staff switch on a custom one.
  const apiBaseEditable = d.apiBaseEditable || allowCustomApiBase;
  const dirty = form.dirty || currencies.join('\n') !== d.currencies.join('\n') || allowCustomApiBase !== d.allowCustomApiBase;
  useLeaveGuard(dirty, 'The Discord settings are not saved yet. Leave and discard them?');
  const { guildId, token, apiBase, claimButtonFormat } = form.values;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        guildId: guildId.trim() === '' ? null : guildId.trim(),
        ...(token.trim() ? { token: token.trim() } : {}),
        ...(apiBaseEditable ? { apiBase: apiBase.trim() || null } : {}),
        ...(allowCustomApiBase !== d.allowCustomApiBase ? { allowCustomApiBase } : {}),
        claimButtonFormat: claimButtonFormat.trim() || null,
        currencies,
      },
      {
        onSuccess: () => {
          tester.reset();
          form.set('token', '');
          notifySuccess('Discord settings saved');
        },
      },
    );
  };

  return (
    <Stack gap="md" maw={560}>
      <Group gap="sm">
        <Title order={3}>Discord</Title>
        <Badge color={d.tokenSet ? 'teal' : 'gray'} data-testid="discord-token-state">
          {d.tokenSet ? 'token set' : 'token not set'}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        Spawning lootdrops and Discord-side moderation actions use the bot&apos;s token. Without it, everything else still works.
      </Text>
      <form onSubmit={submit} data-testid="discord-form">
        <Stack gap="sm">
          <SnowflakeInput label="Server (guild) ID" {...form.bind('guildId')} />
          <PasswordInput
            label="Bot token"
            description={d.tokenSet ? 'A token is stored (encrypted). Type a new one to replace it.' : 'Stored encrypted by the operating system; never shown again.'}
            placeholder={d.tokenSet ? '•••••••• (stored)' : 'Paste the bot token'}
            {...form.bind('token')}
            autoComplete="new-password"
          />
          <Accordion variant="contained" chevronPosition="left">
            <Accordion.Item value="advanced">
              <Accordion.Control>
                <Text size="sm">Advanced</Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <TagsInput
                    label="Currencies"
                    description="The currencies a lootdrop may pay out (as the bot names them). Enter to add."
                    value={currencies}
                    onChange={setCurrencies}
                    error={form.errors.currencies}
                  />
                  <TextInput
                    label="Claim button ID (custom_id)"
                    description="The custom_id the bot's claim handler expects. Placeholders: {messageId}, {channelId}, {amount}, {currency}, {nonce}. Default: lootdrop_claim."
                    {...form.bind('claimButtonFormat')}
                  />
                  {!d.apiBaseEditable || d.allowCustomApiBase ? (
                    <Checkbox
                      label="Allow a custom Discord API address"
                      description="Off: the bot token is only ever sent to Discord. Switching it on or off is recorded in the audit log."
                      checked={allowCustomApiBase}
                      onChange={(e) => setAllowCustomApiBase(e.currentTarget.checked)}
                    />
                  ) : null}
                  <TextInput
                    label="API base URL"
                    description={
                      apiBaseEditable
                        ? 'Leave empty for Discord itself. Changing it forgets the stored bot token unless you enter the token again.'
                        : 'Discord itself. Switch on "Allow a custom Discord API address" to change it.'
                    }
                    disabled={!apiBaseEditable}
                    {...form.bind('apiBase')}
                    styles={monoInput}
                  />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <FormError message={form.formError} />
          <Group justify="space-between">
            <Group gap="xs">
              <Button type="submit" loading={save.isPending} disabled={!dirty}>
                Save Discord settings
              </Button>
              <Tooltip label={dirty ? 'Save first: the test uses the saved token and server' : 'Ask Discord who the token belongs to and whether the bot is in the server'}>
                <Button
                  variant="default"
                  leftSection={<IconPlugConnected size={14} />}
                  loading={tester.isPending}
                  disabled={!d.tokenSet || dirty}
                  onClick={() => tester.mutate()}
                  data-testid="discord-test"
                >
                  Test
                </Button>
              </Tooltip>
            </Group>
            {d.tokenSet ? (
              <Button
                variant="subtle"
                color="red"
                loading={removeToken.isPending}
                onClick={() =>
                  removeToken.mutate({ guildId: d.guildId === null ? null : d.guildId.toString(), token: null }, { onSuccess: () => notifySuccess('Bot token removed') })
                }
              >
                Remove the stored token
              </Button>
            ) : null}
          </Group>
          {!d.tokenSet ? (
            <Text size="xs" c="dimmed">
              Test needs a saved token.
            </Text>
          ) : null}
          {check && !save.isPending && !tester.isPending ? <DiscordCheckView check={check} tested={tester.data !== undefined} /> : null}
        </Stack>
      </form>
    </Stack>
  );
}
