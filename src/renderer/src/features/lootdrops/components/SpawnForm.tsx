/**
 * The spawn form: channel, amount, currency, lifetime, Spawn. One submission key per attempt,
 * so a double click (or a retry the transport repeats) spawns one drop; what was typed stays
 * after a failure and after a success (events spawn the same drop again and again).
 */
import { Alert, Button, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconGift } from '@tabler/icons-react';
import { forwardRef, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { readRewardAmount, type LootdropSettingsView } from '@shared/domain/lootdrops';
import { KeyHint } from '@renderer/components/KeyHint';
import { describeError } from '@renderer/lib/errors';
import { formatAmount } from '@renderer/lib/format';
import { notifySuccess } from '@renderer/lib/notify';
import { useChannelNames, useLootChannels, useSpawnLootdrop } from '../api';
import { channelLabel, LIFETIME_PRESETS } from '../format';
import { useDraft } from '../hooks/use-draft';
import { ChannelIdInput, isChannelId } from './ChannelIdInput';
import { channelOptions, withTypedChannelId } from './channel-options';
import { DropPreview } from './DropPreview';

export interface SpawnFormHandle {
  focus(): void;
  submit(): void;
}

export interface SpawnFormProps {
  settings: LootdropSettingsView;
  onSpawned?(messageId: string): void;
}

export const SpawnForm = forwardRef<SpawnFormHandle, SpawnFormProps>(function SpawnForm({ settings, onSpawned }, ref) {
  const channels = useLootChannels(true);
  const spawn = useSpawnLootdrop();
  const [channelId, setChannelId] = useDraft<string | null>('spawn.channel', null);
  const [amount, setAmount] = useDraft('spawn.amount', '');
  const [chosenCurrency, setCurrency] = useDraft('spawn.currency', settings.currencies[0] ?? 'COINS');
  const [lifetime, setLifetime] = useDraft('spawn.lifetime', '300');
  const [submissionKey, setSubmissionKey] = useDraft('spawn.key', () => crypto.randomUUID());
  // A currency removed from Settings since it was chosen falls back to the first one.
  const currency = settings.currencies.includes(chosenCurrency) ? chosenCurrency : (settings.currencies[0] ?? chosenCurrency);
  const amountRef = useRef<HTMLInputElement>(null);

  // A failed list (another server, say) offers nothing: not the last server's channels, and no
  // dropdown over the error that says why.
  const options = useMemo(() => (channels.isError ? [] : channelOptions(channels.data?.groups)), [channels.data, channels.isError]);
  const [channelSearch, setChannelSearch] = useState('');
  const names = useChannelNames(true, channelId && isChannelId(channelId) ? [channelId] : []);
  const channelName = channelId && isChannelId(channelId) ? channelLabel(names, channelId) : null;
  // The server's own rule, so 0 or an amount past the bot's limit is refused here, by name.
  const { digits, problem: amountProblem } = readRewardAmount(amount);
  const view = spawn.error ? describeError(spawn.error) : null;
  const fieldError = (name: string) => view?.fieldErrors[name]?.[0];
  const ready = channelId !== null && isChannelId(channelId) && digits !== null && !spawn.isPending && !settings.claimButtonFormatProblem;

  const submit = () => {
    if (!ready) return;
    spawn.mutate(
      { idempotencyKey: submissionKey, channelId, amount: digits, currency, lifetimeSeconds: Number(lifetime) },
      {
        onSuccess({ drop }) {
          setSubmissionKey(crypto.randomUUID());
          notifySuccess(`Drop spawned in ${channelName ?? `channel ${drop.channelId}`}`, `${formatAmount(drop.amount)} ${drop.currency}, up for ${LIFETIME_PRESETS.find((p) => p.value === lifetime)?.label ?? `${lifetime} s`}.`);
          onSpawned?.(drop.messageId);
        },
      },
    );
  };
  useImperativeHandle(ref, () => ({ focus: () => amountRef.current?.focus(), submit }));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="spawn-form"
    >
      <Stack gap="sm">
        {channels.isError ? (
          <ChannelIdInput
            value={channelId ?? ''}
            onChange={(id) => setChannelId(id || null)}
            listError={channels.error}
            onRetry={() => void channels.refetch()}
            error={fieldError('channelId')}
            testId="spawn-channel-id"
          />
        ) : (
          <Select
            label="Channel"
            placeholder={channels.isPending ? 'Loading channels…' : 'Choose a channel, or paste its ID'}
            data={withTypedChannelId(options, channelSearch)}
            value={channelId}
            onChange={setChannelId}
            searchable
            searchValue={channelSearch}
            onSearchChange={setChannelSearch}
            nothingFoundMessage="No text channel by that name"
            error={fieldError('channelId')}
            data-testid="spawn-channel"
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <TextInput
          ref={amountRef}
          label="Amount"
          placeholder="e.g. 1,500"
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
          error={fieldError('amount') ?? amountProblem ?? undefined}
          description={digits ? `${formatAmount(BigInt(digits))} ${currency}` : 'Whole number, 1 to 2,147,483,647'}
          rightSection={<Text size="xs" c="dimmed">{currency}</Text>}
          rightSectionWidth={64}
          data-testid="spawn-amount"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Currency
          </Text>
          {settings.currencies.length <= 4 ? (
            <SegmentedControl size="xs" data={settings.currencies} value={currency} onChange={setCurrency} data-testid="spawn-currency" />
          ) : (
            <Select data={settings.currencies} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} data-testid="spawn-currency" />
          )}
          {fieldError('currency') ? (
            <Text size="xs" c="red">
              {fieldError('currency')}
            </Text>
          ) : null}
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Lifetime
          </Text>
          <SegmentedControl size="xs" data={[...LIFETIME_PRESETS]} value={lifetime} onChange={setLifetime} data-testid="spawn-lifetime" />
        </Stack>
        {settings.claimButtonFormatProblem ? (
          <Alert color="yellow" title="The claim button format cannot be used">
            <Text size="sm">{settings.claimButtonFormatProblem} Fix it in Settings → Discord → Advanced.</Text>
          </Alert>
        ) : null}
        {view && Object.keys(view.fieldErrors).length === 0 ? (
          <Alert color={view.kind === 'unavailable' || view.kind === 'connection' ? 'red' : 'yellow'} title={view.title} data-testid="spawn-error">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {view.message}
            </Text>
          </Alert>
        ) : null}
        <Button type="submit" leftSection={<IconGift size={16} />} disabled={!ready} loading={spawn.isPending} rightSection={<KeyHint keys="mod+enter" />} data-testid="spawn-submit">
          Spawn drop
        </Button>
        <DropPreview amount={digits} currency={currency} lifetimeSeconds={Number(lifetime)} channel={channelName} customId={settings.claimButtonFormat} />
        <Text size="xs" c="dimmed">
          Claim button ID{' '}
          <Text span size="xs" ff="monospace" c="var(--mantine-color-text)">
            {settings.claimButtonFormat}
          </Text>{' '}
          ({settings.claimButtonFormatIsDefault ? 'the default' : 'from Settings'}). If the bot&apos;s handler expects another ID, set it in Settings → Discord →
          Advanced.
        </Text>
      </Stack>
    </form>
  );
});
