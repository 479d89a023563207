import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CaseSummary } from '@shared/domain/moderation';
import { KeyHint } from '@renderer/components/KeyHint';
import { useLeaveGuard } from '@renderer/lib/router';
import { useEditReason } from '../api';
import { ActionError } from './ConflictNotice';

export interface EditReasonDialogProps {
  summary: CaseSummary | null;
  /** The full current reason (the list has only an excerpt). */
  reason: string | null;
  onClose(): void;
}

/** Changes the reason; the previous text stays in the case's history. */
export function EditReasonDialog({ summary, reason, onClose }: EditReasonDialogProps) {
  const edit = useEditReason();
  const [text, setText] = useState(reason ?? '');
  useEffect(() => {
    setText(reason ?? '');
    edit.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary?.id]);
  const dirty = summary !== null && text !== (reason ?? '');
  useLeaveGuard(dirty, 'The reason you are editing is not saved. Leave and discard it?');
  if (!summary) return <Modal opened={false} onClose={onClose} />;
  const submit = () =>
    edit.mutate({ id: summary.id, expected: summary.seen, reason: text.trim() }, { onSuccess: () => onClose() });
  return (
    <Modal opened onClose={onClose} title={`Edit the reason of ${summary.caseId}`} size="lg" data-testid="edit-reason-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          The reason is what the bot shows for this case. The current text is kept in the case’s history, with your name.
        </Text>
        <Textarea
          autosize
          minRows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
          data-autofocus
        />
        <ActionError error={edit.error} yours={text} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!dirty} loading={edit.isPending} rightSection={<KeyHint keys="mod+enter" />}>
            Save reason
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
