import { CopyDeskLink } from '@renderer/components/DeskPlaceActions';
import { Badge, Box, Button, Group, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import { IconChartBar, IconCopy, IconPencil } from '@tabler/icons-react';
import type { StoredQuest } from '@shared/domain/quests';
import { notifySuccess } from '@renderer/lib/notify';
import type { ContractIssue } from '@shared/domain/authoring';
import { ChangedUnderneath, touchOnBlur, DeleteRowButton, DraftConflictCompare, EditorHeader, ForeignRowWarning, RowLoader, useAuthoringDraft } from '../../authoring';
import { useCreateQuest, useDuplicateQuest, useQuest, useUpdateQuest } from '../api';
import { blankQuestForm, questChanges, questDraft, validateQuestForm, type QuestFormState, type QuestValidation } from '../quest-form';
import { QUEST_FIELD_LABELS, questColumnModel } from '../quest-columns';
import { PackExportButton } from './PackExportButton';
import { QuestForm } from './QuestForm';
import { QuestJsonPanel } from './QuestJsonPanel';
import { QuestDeletion } from './QuestDeletion';
import { QuestPreviewCard } from './QuestPreviewCard';
import { QuestStatsTab } from './QuestStatsTab';

export interface QuestEditorProps {
  id: number | 'new';
  tab: 'edit' | 'stats';
  onTab(tab: 'edit' | 'stats'): void;
  onSaved(quest: StoredQuest): void;
  onClose(): void;
}

/** Loads the quest, then edits it (a new one starts blank). */
export function QuestEditor(props: QuestEditorProps) {
  const quest = useQuest(props.id === 'new' ? null : props.id);
  return (
    <RowLoader noun="quest" id={props.id} query={quest}>
      {(stored) => <QuestEditorLoaded {...props} stored={stored} />}
    </RowLoader>
  );
}

/**
 * Why an edited quest cannot be saved yet: raw JSON outside the contract must be allowed
 * knowingly (a valid quest must stay valid), and a field the form marks in red must be fixed.
 */
function saveBlocked(validation: QuestValidation, edited: ReturnType<typeof questChanges>, state: QuestFormState, shown: ContractIssue[]): string | null {
  for (const field of ['requirements', 'rewards'] as const) {
    const rawIssues = field === 'requirements' ? validation.requirementsRawIssues : validation.rewardsRawIssues;
    if (edited[field]?.kind === 'raw' && rawIssues.length > 0 && !state.allowForeign[field]) return `${QUEST_FIELD_LABELS[field]} JSON: ${rawIssues[0]!.message}. Fix it, or tick “Save this shape anyway”.`;
  }
  const formIssues = shown.filter((issue) => {
    const column = issue.path.split('.')[0] as 'requirements' | 'rewards';
    const raw = column === 'requirements' ? state.requirementsRaw : column === 'rewards' ? state.rewardsRaw : null;
    return raw === null || !state.allowForeign[column];
  });
  const [first] = formIssues;
  return first ? `${QUEST_FIELD_LABELS[first.path] ?? first.path}: ${first.message}${formIssues.length > 1 ? ` (and ${formIssues.length - 1} more)` : ''}` : null;
}

function QuestEditorLoaded({ stored, tab, onTab, onSaved, onClose }: QuestEditorProps & { stored: StoredQuest | null }) {
  const create = useCreateQuest();
  const update = useUpdateQuest();
  const duplicate = useDuplicateQuest();
  const draft = useAuthoringDraft({
    noun: 'quest',
    stored,
    ...questColumnModel,
    fieldLabels: QUEST_FIELD_LABELS,
    blankForm: blankQuestForm,
    changes: questChanges,
    validate: validateQuestForm,
    blocked: saveBlocked,
    create,
    update,
    onSaved,
    onClose,
  });
  const { base, state, change } = draft;
  const preview = questDraft(state);

  return (
    <Stack gap={0} h="100%" data-testid="quest-editor">
      <EditorHeader
        draft={draft}
        tags={
          <Badge size="xs" variant="outline" color="gray" tt="none" ff="monospace">
            {state.triggerEvent || 'no trigger'}
          </Badge>
        }
        actions={
          base ? (
            <>
              <CopyDeskLink place={{ kind: 'quest', id: String(base.id) }} />
              <Button
                variant="subtle"
                leftSection={<IconCopy size={14} />}
                loading={duplicate.isPending}
                onClick={() => duplicate.mutate({ id: base.id }, { onSuccess: (copy) => { notifySuccess('Quest duplicated', copy.name); onSaved(copy); } })}
              >
                Duplicate
              </Button>
              <PackExportButton questId={base.id} />
              <DeleteRowButton noun="quest" name={base.name}>
                {(close) => <QuestDeletion quest={base} close={close} onDeleted={onClose} />}
              </DeleteRowButton>
            </>
          ) : null
        }
        onClose={onClose}
      />
      <Tabs value={base ? tab : 'edit'} onChange={(t) => t && onTab(t as 'edit' | 'stats')} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Tabs.List px="md">
          <Tabs.Tab value="edit" leftSection={<IconPencil size={14} />}>
            Edit
          </Tabs.Tab>
          <Tabs.Tab value="stats" leftSection={<IconChartBar size={14} />} disabled={!base} data-testid="quest-tab-stats">
            Stats
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit" style={{ flex: 1, minHeight: 0 }}>
          <Group gap={0} align="stretch" wrap="nowrap" h="100%">
            <ScrollArea style={{ flex: '1 1 50%', minWidth: 0 }}>
              <Stack gap="sm" p="md">
                <ChangedUnderneath draft={draft} />
                <ForeignRowWarning noun="quest" issues={base?.shape === 'foreign' ? base.issues : []}>
                  The bot (or a script) wrote this quest. It loads without loss and stays exactly as stored unless you edit it; what does not fit the form is shown as JSON
                  on the right.
                </ForeignRowWarning>
                <Box onBlurCapture={touchOnBlur(draft)}>
                  <QuestForm state={state} onChange={change} errors={draft.errors} questId={base?.id} />
                </Box>
              </Stack>
            </ScrollArea>
            <ScrollArea style={{ flex: '1 1 50%', minWidth: 0, borderLeft: '1px solid var(--desk-border)', background: 'var(--desk-chrome)' }}>
              <Stack gap="md" p="md">
                <Box>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
                    What players see
                  </Text>
                  <QuestPreviewCard
                    name={preview.name}
                    description={preview.description}
                    triggerEvent={preview.triggerEvent}
                    requirements={preview.requirements}
                    rewards={preview.rewards}
                    questId={base?.id}
                  />
                </Box>
                <Box>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
                    Raw JSON
                  </Text>
                  <QuestJsonPanel state={state} onChange={change} validation={draft.validation} stored={base !== null} />
                </Box>
              </Stack>
            </ScrollArea>
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="stats" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          {base ? <QuestStatsTab questId={base.id} questName={base.name} /> : null}
        </Tabs.Panel>
      </Tabs>
      <DraftConflictCompare draft={draft} />
    </Stack>
  );
}
