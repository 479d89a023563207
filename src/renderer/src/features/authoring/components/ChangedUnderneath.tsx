import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefreshAlert } from '@tabler/icons-react';
import { labelFields } from '../rebase';
import type { AuthoredRow, AuthoringDraft } from '../use-authoring-draft';

/**
 * The row changed while it was open (another desk, the bot): the fields it changed, shown at
 * once and before any save. Fields only they changed are already in the form; fields the game
 * master changed too wait for a choice, offered here and again on save.
 */
export function ChangedUnderneath<Stored extends AuthoredRow>({
  draft,
}: {
  draft: Pick<AuthoringDraft<Stored, unknown, unknown, unknown>, 'noun' | 'underneath' | 'dismissUnderneath' | 'fieldLabels' | 'conflictChoices'>;
}) {
  const { underneath, noun } = draft;
  if (!underneath || (underneath.fields.length === 0 && underneath.conflicted.length === 0)) return null;
  const conflicted = new Set(underneath.conflicted);
  const merged = underneath.fields.filter((f) => !conflicted.has(f));
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconRefreshAlert size={16} />}
      title={`This ${noun} changed while you had it open`}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={draft.dismissUnderneath}
      data-testid={`${noun}-changed-underneath`}
    >
      {merged.length ? (
        <Text size="xs">
          Now showing their {labelFields(merged, draft.fieldLabels).join(', ')}. {underneath.conflicted.length ? '' : 'Your own edits are kept.'}
        </Text>
      ) : null}
      {underneath.conflicted.length ? (
        <Group gap="xs" mt={4} wrap="wrap">
          <Text size="xs" fw={600}>
            You changed {labelFields(underneath.conflicted, draft.fieldLabels).join(', ')} too: choose which value to keep before saving.
          </Text>
          <Button size="compact-xs" variant="light" onClick={draft.conflictChoices.open} data-testid={`${noun}-choose-values`}>
            Choose now
          </Button>
        </Group>
      ) : null}
    </Alert>
  );
}
