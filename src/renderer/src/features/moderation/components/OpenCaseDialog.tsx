/**
 * Open a case from the desk. A timeout, kick or ban can also be carried out on Discord (on by
 * default when Discord is configured); without Discord the form says the case is only recorded.
 */
import { Alert, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconBrandDiscord } from '@tabler/icons-react';
import { useState } from 'react';
import type { DiscordStatus } from '@shared/domain/discord';
import type { CaseSummary } from '@shared/domain/moderation';
import { MAX_TIMEOUT_MINUTES } from '@shared/domain/moderation-rules';
import { KeyHint } from '@renderer/components/KeyHint';
import { describeError } from '@renderer/lib/errors';
import { notifySuccess, notifyWarning } from '@renderer/lib/notify';
import { useLeaveGuard } from '@renderer/lib/router';
import { useOpenCase } from '../api';
import { discordOutcomeTitle } from './describe-case';

const TYPES = ['warn', 'timeout', 'kick', 'ban', 'note', 'custom'] as const;
const ACTS: Record<string, string> = { timeout: 'time out', kick: 'kick', ban: 'ban' };

/** Discord keeps at most seven days of a banned member's messages to delete. */
const DELETE_WINDOWS = [
  { value: '0', label: "Don't delete any" },
  { value: '3600', label: 'The last hour' },
  { value: '21600', label: 'The last 6 hours' },
  { value: '86400', label: 'The last 24 hours' },
  { value: '259200', label: 'The last 3 days' },
  { value: '604800', label: 'The last 7 days' },
];

export interface OpenCaseDialogProps {
  opened: boolean;
  discord: DiscordStatus | undefined;
  onClose(): void;
  onOpened(summary: CaseSummary): void;
}

export function OpenCaseDialog({ opened, discord, onClose, onOpened }: OpenCaseDialogProps) {
  const open = useOpenCase();
  const [kind, setKind] = useState<(typeof TYPES)[number]>('warn');
  const [custom, setCustom] = useState('');
  const [userId, setUserId] = useState('');
  const [username, setUsername] = useState('');
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number | string>(60);
  const [carryOut, setCarryOut] = useState(true);
  const [deleteSeconds, setDeleteSeconds] = useState('0');
  const dirty = opened && (userId !== '' || reason !== '');
  useLeaveGuard(dirty, 'The case you are opening is not saved. Leave and discard it?');

  const type = kind === 'custom' ? custom.trim() : kind;
  const act = ACTS[type];
  const fieldErrors = open.error ? describeError(open.error).fieldErrors : {};
  const submit = () =>
    open.mutate(
      {
        type,
        userId: userId.trim(),
        username: username.trim() || undefined,
        reason: reason.trim() || undefined,
        durationMinutes: type === 'timeout' ? Number(minutes) : undefined,
        carryOutOnDiscord: Boolean(act) && carryOut,
        ...(type === 'ban' && carryOut ? { deleteMessageSeconds: Number(deleteSeconds) } : {}),
      },
      {
        onSuccess(result) {
          notifySuccess(`Opened ${result.summary.caseId}`);
          if (result.discord && !result.discord.ok) notifyWarning(discordOutcomeTitle(result.discord), result.discord.message ?? undefined);
          setUserId('');
          setUsername('');
          setReason('');
          onOpened(result.summary);
        },
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} title="Open a case" size="lg" data-testid="open-case-dialog">
      <Stack gap="sm">
        <SegmentedControl value={kind} onChange={(v) => setKind(v as typeof kind)} data={TYPES.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) }))} />
        {kind === 'custom' ? (
          <TextInput label="Custom type" placeholder="e.g. voice_mute" maxLength={20} value={custom} onChange={(e) => setCustom(e.currentTarget.value)} error={fieldErrors.type?.[0]} />
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            label="Member's Discord ID"
            placeholder="15–20 digits"
            value={userId}
            onChange={(e) => setUserId(e.currentTarget.value.trim())}
            error={fieldErrors.userId?.[0]}
            data-autofocus
            ff="monospace"
          />
          <TextInput label="Username (snapshot)" placeholder="Taken from the player if empty" value={username} onChange={(e) => setUsername(e.currentTarget.value)} maxLength={255} />
        </Group>
        <Textarea label="Reason" autosize minRows={2} maxLength={4000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {type === 'timeout' ? (
          <NumberInput label="Duration (minutes)" min={1} max={MAX_TIMEOUT_MINUTES} value={minutes} onChange={setMinutes} error={fieldErrors.durationMinutes?.[0]} w={200} />
        ) : null}
        {act ? (
          discord?.configured ? (
            <Checkbox
              label={`Also ${act} the member on Discord now`}
              description="The case records what Discord answered, failure included."
              checked={carryOut}
              onChange={(e) => setCarryOut(e.currentTarget.checked)}
            />
          ) : (
            <Alert color="gray" icon={<IconBrandDiscord size={16} />} p="xs">
              <Text size="xs">{discord?.reason ?? 'Discord is not configured.'} The case is only recorded; nothing happens on Discord.</Text>
            </Alert>
          )
        ) : null}
        {type === 'ban' && carryOut && discord?.configured ? (
          <Select
            label="Also delete their recent messages"
            description="Discord deletes what the member posted in this window before the ban."
            data={DELETE_WINDOWS}
            value={deleteSeconds}
            onChange={(value) => setDeleteSeconds(value ?? '0')}
            allowDeselect={false}
            error={fieldErrors.deleteMessageSeconds?.[0]}
            w={280}
            data-testid="ban-delete-messages"
          />
        ) : null}
        {open.error && Object.keys(fieldErrors).length === 0 ? (
          <Alert color="red" title={describeError(open.error).title}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {describeError(open.error).message}
            </Text>
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Filed as you, with a desk case ID (D-…).
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={submit} disabled={!userId || !type} loading={open.isPending} rightSection={<KeyHint keys="mod+enter" />} data-testid="open-case-confirm">
              {act && discord?.configured && carryOut ? `Open and ${act}` : 'Open case'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
