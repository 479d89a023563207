import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { KeyHint } from '@renderer/components/KeyHint';
import { CAUTION_TEXT } from '../caution';
import type { AuthoredRow, AuthoringDraft } from '../use-authoring-draft';

type HeaderDraft = Pick<
  AuthoringDraft<AuthoredRow, { name: string }, unknown, unknown>,
  'noun' | 'base' | 'state' | 'dirty' | 'canSave' | 'saving' | 'save' | 'saveBlockedReason' | 'refusal'
>;

export interface EditorHeaderProps {
  draft: HeaderDraft;
  /** Shown left of the title (the item's icon). */
  icon?: ReactNode;
  /** Badges before the row's #id: what kind of quest or item it is. */
  tags: ReactNode;
  /** Buttons before Save; offered for stored rows only. */
  actions: ReactNode;
  onClose(): void;
}

/**
 * The editor's title bar: the name as typed, what kind of row it is, whether it is foreign or
 * unsaved, and Save (`<noun>-save`, Ctrl+S) and Close on the right.
 */
export function EditorHeader({ draft, icon, tags, actions, onClose }: EditorHeaderProps) {
  const { noun, base } = draft;
  const reasonId = `${noun}-save-reason`;
  const heading = (
    <Stack gap={2} style={{ minWidth: 0, flex: '1 1 180px' }}>
      <Title order={3} lineClamp={1}>
        {draft.state.name.trim() || `New ${noun}`}
      </Title>
      <Group gap={6}>
        {tags}
        {base ? (
          <Text size="xs" c="dimmed">
            #{base.id}
          </Text>
        ) : null}
        {base?.shape === 'foreign' ? (
          <Badge size="xs" color="yellow" variant="light" style={{ color: CAUTION_TEXT }}>
            foreign shape
          </Badge>
        ) : null}
        {draft.dirty ? (
          <Badge size="xs" color="yellow" variant="dot">
            unsaved
          </Badge>
        ) : null}
      </Group>
    </Stack>
  );
  return (
    // Wraps rather than squeezes: in a narrow editor the buttons go under the title, never over it.
    <Group justify="space-between" px="md" py="sm" wrap="wrap" gap="xs" style={{ borderBottom: '1px solid var(--desk-border)' }}>
      {icon ? (
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 220px' }}>
          {icon}
          {heading}
        </Group>
      ) : (
        heading
      )}
      <Stack gap={2} align="flex-end" style={{ flex: '0 1 auto', maxWidth: '100%', marginLeft: 'auto' }}>
        <Group gap="xs" wrap="wrap" justify="flex-end">
          {base ? actions : null}
          <Button
            leftSection={<IconDeviceFloppy size={14} />}
            rightSection={<KeyHint keys="mod+s" />}
            disabled={!draft.canSave}
            loading={draft.saving}
            onClick={draft.save}
            aria-describedby={draft.saveBlockedReason ? reasonId : undefined}
            data-testid={`${noun}-save`}
          >
            {base ? 'Save' : 'Create'}
          </Button>
          <Button variant="subtle" color="gray" px={6} onClick={onClose} aria-label="Close the editor">
            <IconX size={16} />
          </Button>
        </Group>
        {/* A disabled Save always says why, beside it (and for screen readers, as its description). */}
        {draft.refusal ? (
          <Text size="xs" c="red" ta="right" lineClamp={3} maw={420} role="alert" data-testid={`${noun}-save-refusal`}>
            Not saved: {draft.refusal}
          </Text>
        ) : null}
        {draft.saveBlockedReason ? (
          <Text id={reasonId} size="xs" c="dimmed" ta="right" lineClamp={2} maw={420} data-testid={`${noun}-save-reason`}>
            {draft.saveBlockedReason}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}
