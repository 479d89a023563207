import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CaseSummary } from '@shared/domain/moderation';
import { KeyHint } from '@renderer/components/KeyHint';
import { useAddNote } from '../api';
import { ActionError } from './ConflictNotice';
import { caseLabel } from './describe-case';

/** A note for the other moderators; kept in the case's metadata with your name and the time. */
export function NoteDialog({ summary, onClose }: { summary: CaseSummary | null; onClose(): void }) {
  const addNote = useAddNote();
  const [text, setText] = useState('');
  useEffect(() => {
    if (summary) addNote.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summary?.id]);
  if (!summary) return <Modal opened={false} onClose={onClose} />;
  const submit = () => {
    if (!text.trim()) return;
    addNote.mutate(
      { id: summary.id, text: text.trim() },
      {
        onSuccess() {
          setText('');
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Note on ${summary.caseId}`} data-testid="note-dialog">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Added to the timeline of the {caseLabel(summary)}, signed with your staff identity. Notes are never sent to Discord.
        </Text>
        <Textarea
          placeholder="What should the next moderator know?"
          autosize
          minRows={3}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
          }}
          data-autofocus
          data-testid="note-text"
        />
        <ActionError error={addNote.error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!text.trim()} loading={addNote.isPending} rightSection={<KeyHint keys="mod+enter" />} data-testid="note-confirm">
            Add note
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
