import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { DiscordStatus } from '@shared/domain/discord';
import type { CaseSummary } from '@shared/domain/moderation';
import { KeyHint } from '@renderer/components/KeyHint';
import { notifySuccess, notifyWarning } from '@renderer/lib/notify';
import { useResolveCase } from '../api';
import { ActionError } from './ConflictNotice';
import { caseLabel, discordOutcomeTitle, liftText } from './describe-case';

export interface ResolveDialogProps {
  summary: CaseSummary | null;
  discord: DiscordStatus | undefined;
  onClose(): void;
  /** After a successful resolve: the list moves the selection on from this case. */
  onResolved?(id: bigint): void;
}

/** Resolve one case: says exactly what happens, keeps the reason typed if anything fails. */
export function ResolveDialog({ summary, discord, onClose, onResolved }: ResolveDialogProps) {
  const resolve = useResolveCase();
  const [reason, setReason] = useState('');
  const [lift, setLift] = useState(false);
  const opened = summary !== null;
  useEffect(() => {
    if (opened) {
      resolve.reset();
      setLift(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, summary?.id]);
  if (!summary) return <Modal opened={false} onClose={onClose} />;
  const liftable = liftText(summary.type);
  const submit = () => {
    if (!reason.trim()) return;
    resolve.mutate(
      { id: summary.id, expected: summary.seen, reason: reason.trim(), liftOnDiscord: lift },
      {
        onSuccess(result) {
          setReason('');
          onResolved?.(summary.id);
          onClose();
          notifySuccess(`Resolved ${summary.caseId}`);
          if (result.discord && !result.discord.ok) notifyWarning(discordOutcomeTitle(result.discord), result.discord.message ?? undefined);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Resolve case ${summary.caseId}`} data-testid="resolve-dialog">
      <Stack gap="sm">
        <Text size="sm">
          Marks the {caseLabel(summary)} as resolved by you, now, with this reason.
          {liftable && summary.active ? ` Resolving closes the case only: the ${summary.type?.toLowerCase() ?? 'punishment'} stays in place on Discord unless you also lift it below.` : ''}
        </Text>
        <Textarea
          label="Resolution reason"
          placeholder="Why is it resolved?"
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
          data-autofocus
          data-testid="resolve-reason"
        />
        {liftable && summary.active ? (
          discord?.configured ? (
            <Checkbox
              label={`Also ${liftable} on Discord`}
              description={lift ? `Discord is asked to ${liftable} when you resolve.` : 'Lifting a punishment is a separate decision from closing the case.'}
              checked={lift}
              onChange={(e) => setLift(e.currentTarget.checked)}
              data-testid="resolve-lift"
            />
          ) : (
            <Text size="xs" c="dimmed">
              {discord?.reason ?? 'Discord is not configured.'} Only the case is changed; the {summary.type} stays in place on Discord.
            </Text>
          )
        ) : null}
        <ActionError error={resolve.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="teal" onClick={submit} disabled={!reason.trim()} loading={resolve.isPending} rightSection={<KeyHint keys="mod+enter" />} data-testid="resolve-confirm">
            Resolve {summary.caseId}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
