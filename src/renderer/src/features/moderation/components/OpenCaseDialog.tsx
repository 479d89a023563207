/**
 * Open a case from the desk. A timeout, kick or ban can also be carried out on Discord (on by
 * default when Discord is configured); without Discord the form says the case is only recorded.
 */
import { Alert, Autocomplete, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBrandDiscord } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import type { DiscordStatus } from '@shared/domain/discord';
import type { CaseSummary } from '@shared/domain/moderation';
import { MAX_TIMEOUT_MINUTES } from '@shared/domain/moderation-rules';
import { KeyHint } from '@renderer/components/KeyHint';
import { describeError } from '@renderer/lib/errors';
import { notifySuccess, notifyWarning } from '@renderer/lib/notify';
import { useLeaveGuard } from '@renderer/lib/router';
import { useMemberSearch, useOpenCase } from '../api';
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
  /** An empty reason is asked about once ("open without a reason?"), then allowed. */
  const [askedNoReason, setAskedNoReason] = useState(false);
  const [memberText] = useDebouncedValue(userId, 200);
  const members = useMemberSearch(opened ? memberText : '');
  const memberMatches = members.data ?? [];
  const validId = /^\d{15,20}$/.test(userId);
  const dirty = opened && (userId !== '' || reason !== '');
  useLeaveGuard(dirty, 'The case you are opening is not saved. Leave and discard it?');

  const type = kind === 'custom' ? custom.trim() : kind;
  const act = ACTS[type];
  const fieldErrors = open.error ? describeError(open.error).fieldErrors : {};
  const submit = () => {
    if (!validId || !type || open.isPending) return;
    // The bot records cases without a reason too, so the desk allows it, but only when meant.
    if (!reason.trim() && !askedNoReason) return setAskedNoReason(true);
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
          // Emptied (and the leave guard lifted) before the screen moves to the new case.
          flushSync(() => {
            setUserId('');
            setUsername('');
            setReason('');
            setAskedNoReason(false);
          });
          onOpened(result.summary);
        },
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Open a case" size="lg" data-testid="open-case-dialog">
      <Stack gap="sm" onKeyDown={onKeyDown}>
        <SegmentedControl value={kind} onChange={(v) => setKind(v as typeof kind)} data={TYPES.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) }))} />
        {kind === 'custom' ? (
          <TextInput label="Custom type" placeholder="e.g. voice_mute" maxLength={20} value={custom} onChange={(e) => setCustom(e.currentTarget.value)} error={fieldErrors.type?.[0]} />
        ) : null}
        <Group grow align="flex-start">
          <Autocomplete
            label="Member"
            placeholder="Name or Discord ID"
            description={userId && !validId ? 'Choose them in the list, or paste their Discord ID' : undefined}
            value={userId}
            onChange={(value) => {
              setUserId(value.trim());
              const match = memberMatches.find((m) => m.id.toString() === value);
              if (match && !username) setUsername(match.name);
            }}
            data={memberMatches.map((m) => m.id.toString())}
            filter={({ options }) => options}
            renderOption={({ option }) => {
              const match = memberMatches.find((m) => m.id.toString() === option.value);
              return (
                <Group gap={6} wrap="nowrap" data-testid="member-option">
                  <Text size="sm">{match?.name ?? option.value}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {option.value}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {match?.source === 'player' ? 'player' : 'seen in cases'}
                  </Text>
                </Group>
              );
            }}
            error={fieldErrors.userId?.[0]}
            // With no names listed there is no list for Escape to close first: it closes the dialog.
            onKeyDown={(event) => {
              if (event.key === 'Escape' && memberMatches.length === 0) onClose();
            }}
            data-autofocus
            data-testid="open-case-member"
          />
          <TextInput label="Username (snapshot)" placeholder="Taken from the player if empty" value={username} onChange={(e) => setUsername(e.currentTarget.value)} maxLength={255} />
        </Group>
        <Textarea
          label="Reason"
          autosize
          minRows={2}
          maxLength={4000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setAskedNoReason(false);
          }}
          data-testid="open-case-reason"
        />
        {askedNoReason && !reason.trim() ? (
          <Alert color="yellow" title="Open without a reason?" data-testid="open-case-no-reason">
            <Text size="sm">Colleagues and the member's history will show this case with no reason. Write one above, or press Open again to open it as it is.</Text>
          </Alert>
        ) : null}
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
            <Button onClick={submit} disabled={!validId || !type} loading={open.isPending} rightSection={<KeyHint keys="mod+enter" />} data-testid="open-case-confirm">
              {askedNoReason && !reason.trim() ? 'Open without a reason' : act && discord?.configured && carryOut ? `Open and ${act}` : 'Open case'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
