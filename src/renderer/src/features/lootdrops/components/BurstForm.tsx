/**
 * Plan an event burst: N drops over a window across chosen channels, fixed or random spacing,
 * amounts in a range. The main process runs it (a reload changes nothing) and keeps the plan
 * and progress in aurora_desk.
 */
import { Alert, Button, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useMemo } from 'react';
import { burstRangeProblem, readRewardAmount, type LootdropSettingsView } from '@shared/domain/lootdrops';
import { momentText } from '@shared/moment-text';
import { describeError } from '@renderer/lib/errors';
import { formatAmount } from '@renderer/lib/format';
import { notifySuccess } from '@renderer/lib/notify';
import { useLootChannels, useStartBurst } from '../api';
import { formatDuration, LIFETIME_PRESETS } from '../format';
import { useDraft } from '../hooks/use-draft';
import { ChannelIdsInput } from './ChannelIdInput';
import { channelOptions } from './channel-options';

/** A `datetime-local` value as a moment in the staff member's own zone; null when incomplete. */
function localMoment(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** What the spacing means for the drops and window typed in; nothing about timing until both are there. */
function spacingHint(spacing: 'fixed' | 'random', drops: number, minutes: number, firstAt: string): string {
  if (!(drops >= 1) || !(minutes >= 1)) return 'Enter at least one drop and one minute to see when the drops go out.';
  if (spacing === 'random') return `The first ${firstAt}, the rest at random moments in the window.`;
  return drops === 1 ? `One drop, ${firstAt}.` : `One drop every ${formatDuration((minutes * 60_000) / drops)}, the first ${firstAt}.`;
}

export function BurstForm({ settings }: { settings: LootdropSettingsView }) {
  const channels = useLootChannels(true);
  const start = useStartBurst();
  const [name, setName] = useDraft('burst.name', '');
  const [channelIds, setChannelIds] = useDraft<string[]>('burst.channels', []);
  const [count, setCount] = useDraft<number | string>('burst.count', 10);
  const [windowMinutes, setWindowMinutes] = useDraft<number | string>('burst.window', 30);
  const [spacing, setSpacing] = useDraft<'fixed' | 'random'>('burst.spacing', 'fixed');
  const [amountMin, setAmountMin] = useDraft('burst.min', '100');
  const [amountMax, setAmountMax] = useDraft('burst.max', '500');
  const [currency, setCurrency] = useDraft('burst.currency', settings.currencies[0] ?? 'COINS');
  const [lifetime, setLifetime] = useDraft('burst.lifetime', '120');
  const [submissionKey, setSubmissionKey] = useDraft('burst.key', () => crypto.randomUUID());
  const [when, setWhen] = useDraft<'now' | 'later'>('burst.when', 'now');
  const [startText, setStartText] = useDraft('burst.startAt', '');

  const options = useMemo(() => channelOptions(channels.data?.groups), [channels.data]);
  const { digits: min, problem: minProblem } = readRewardAmount(amountMin);
  const { digits: max, problem: maxProblem } = readRewardAmount(amountMax);
  const rangeProblem = min !== null && max !== null ? burstRangeProblem(Number(min), Number(max)) : null;
  const n = typeof count === 'number' ? count : Number(count);
  const minutes = typeof windowMinutes === 'number' ? windowMinutes : Number(windowMinutes);
  const view = start.error ? describeError(start.error) : null;
  const fieldError = (field: string) => view?.fieldErrors[field]?.[0];
  const startAt = when === 'later' ? localMoment(startText) : undefined;
  const firstAt = startAt ? `at ${momentText(startAt)}` : 'at once';
  const ready = channelIds.length > 0 && min !== null && max !== null && !rangeProblem && n >= 1 && minutes >= 1 && startAt !== null && !start.isPending;

  const submit = () => {
    if (!ready) return;
    start.mutate(
      { idempotencyKey: submissionKey, name, channelIds, count: n, windowMinutes: minutes, spacing, amountMin: min, amountMax: max, currency, lifetimeSeconds: Number(lifetime), startAt },
      {
        onSuccess({ burst }) {
          setSubmissionKey(crypto.randomUUID());
          const over = `${burst.total} drops over ${formatDuration(burst.windowSeconds * 1000)}`;
          if (burst.startsAt) notifySuccess(`Burst "${burst.name}" scheduled`, `${over}, from ${momentText(burst.startsAt)}.`);
          else notifySuccess(`Burst "${burst.name}" started`, `${over}.`);
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      data-testid="burst-form"
    >
      <Stack gap="sm">
        <TextInput label="Name" placeholder="e.g. Harvest festival" maxLength={100} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        {channels.isError ? (
          <ChannelIdsInput value={channelIds} onChange={setChannelIds} listError={channels.error} onRetry={() => void channels.refetch()} error={fieldError('channelIds')} testId="burst-channel-ids" />
        ) : (
          <MultiSelect
            label="Channels"
            description="Drops go to these in turn."
            placeholder={channelIds.length ? undefined : 'Choose channels'}
            data={options}
            value={channelIds}
            onChange={setChannelIds}
            searchable
            error={fieldError('channelIds')}
            data-testid="burst-channels"
          />
        )}
        <Group grow gap="sm" align="flex-start">
          <NumberInput label="Drops" min={1} max={500} value={count} onChange={setCount} allowDecimal={false} error={fieldError('count')} />
          <NumberInput label="Over (minutes)" min={1} max={1440} value={windowMinutes} onChange={setWindowMinutes} allowDecimal={false} error={fieldError('windowMinutes')} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Spacing
          </Text>
          <SegmentedControl
            size="xs"
            value={spacing}
            onChange={(value) => setSpacing(value as 'fixed' | 'random')}
            data={[
              { value: 'fixed', label: 'Even' },
              { value: 'random', label: 'Random' },
            ]}
          />
          <Text size="xs" c="dimmed">
            {spacingHint(spacing, n, minutes, firstAt)}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="burst-when-label">
              Start
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="burst-when-label"
              value={when}
              onChange={(value) => setWhen(value as 'now' | 'later')}
              data={[
                { value: 'now', label: 'Now' },
                { value: 'later', label: 'Later' },
              ]}
              data-testid="burst-when"
            />
          </Stack>
          {when === 'later' ? (
            <TextInput
              type="datetime-local"
              label="First drop at"
              style={{ flex: 1 }}
              value={startText}
              onChange={(e) => setStartText(e.currentTarget.value)}
              error={fieldError('startAt') ?? (startText && !startAt ? 'Not a date and time' : undefined)}
              description={startText ? undefined : 'Your local time'}
              data-testid="burst-start-at"
            />
          ) : null}
        </Group>
        <Group grow gap="sm" align="flex-start">
          <TextInput label="Amount from" inputMode="numeric" value={amountMin} onChange={(e) => setAmountMin(e.currentTarget.value)} error={fieldError('amountMin') ?? minProblem ?? undefined} />
          <TextInput label="to" inputMode="numeric" value={amountMax} onChange={(e) => setAmountMax(e.currentTarget.value)} error={fieldError('amountMax') ?? maxProblem ?? rangeProblem ?? undefined} />
        </Group>
        <Group grow gap="sm" align="flex-start">
          <Select label="Currency" data={settings.currencies} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} error={fieldError('currency')} />
          <Select label="Each drop lives" data={[...LIFETIME_PRESETS]} value={lifetime} onChange={(v) => v && setLifetime(v)} allowDeselect={false} />
        </Group>
        {min && max && !rangeProblem && n > 0 ? (
          <Text size="xs" c="dimmed">
            Pays out between {formatAmount(BigInt(min) * BigInt(n))} and {formatAmount(BigInt(max) * BigInt(n))} {currency} if every drop is claimed.
          </Text>
        ) : null}
        {view && Object.keys(view.fieldErrors).length === 0 ? (
          <Alert color="red" title={view.title}>
            <Text size="sm">{view.message}</Text>
          </Alert>
        ) : null}
        <Button type="submit" leftSection={<IconRocket size={16} />} disabled={!ready} loading={start.isPending} data-testid="burst-submit">
          {when === 'later' ? 'Schedule burst' : 'Start burst'}
        </Button>
      </Stack>
    </form>
  );
}
