import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { LootdropView } from '@shared/domain/lootdrops';
import { KeyHint } from '@renderer/components/KeyHint';
import { describeError } from '@renderer/lib/errors';
import { formatAmount } from '@renderer/lib/format';
import { notifyInfo, notifySuccess } from '@renderer/lib/notify';
import { useCancelLootdrop } from '../api';

export interface CancelDropDialogProps {
  drop: LootdropView | null;
  channel: string;
  discordConfigured: boolean;
  onClose(): void;
}

/** Says exactly what cancelling does; a claim that beat us shows here, naming the claimer. */
export function CancelDropDialog({ drop, channel, discordConfigured, onClose }: CancelDropDialogProps) {
  const cancel = useCancelLootdrop();
  const [deleteMessage, setDeleteMessage] = useState(false);
  const opened = drop !== null;
  useEffect(() => {
    if (opened) {
      cancel.reset();
      setDeleteMessage(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, drop?.messageId]);
  if (!drop) return <Modal opened={false} onClose={onClose} />;
  const reward = `${formatAmount(drop.amount)} ${drop.currency}`;
  const submit = () =>
    cancel.mutate(
      { messageId: drop.messageId, deleteMessage },
      {
        onSuccess({ message }) {
          onClose();
          if (message.action === 'edited' || message.action === 'deleted') notifySuccess(`Cancelled the drop of ${reward}`, `Its message was ${message.action} on Discord.`);
          else notifyInfo(`Cancelled the drop of ${reward}`, message.detail ?? undefined);
        },
      },
    );
  const error = cancel.error ? describeError(cancel.error) : null;
  return (
    <Modal opened={opened} onClose={onClose} title="Cancel this drop?" data-testid="cancel-dialog">
      <Stack gap="sm">
        <Text size="sm">
          The drop of <b>{reward}</b> in {channel} ends now: it is marked expired, so nobody can claim it any more.
        </Text>
        {discordConfigured ? (
          <Checkbox
            label="Delete its message from Discord (otherwise it is edited to say it was cancelled)"
            checked={deleteMessage}
            onChange={(e) => setDeleteMessage(e.currentTarget.checked)}
          />
        ) : (
          <Text size="xs" c="dimmed">
            Discord is not configured: only the database is changed; the message keeps its claim button until the bot despawns it.
          </Text>
        )}
        {error ? (
          <Alert color={error.kind === 'conflict' ? 'yellow' : 'red'} title={error.kind === 'conflict' ? 'Too late to cancel' : error.title} data-testid="cancel-error">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {error.message}
            </Text>
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red" onClick={submit} loading={cancel.isPending} disabled={error?.kind === 'conflict'} data-autofocus rightSection={<KeyHint keys="enter" />} data-testid="cancel-confirm">
            Cancel the drop
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
