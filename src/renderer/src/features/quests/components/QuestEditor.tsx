import { Alert, Badge, Box, Button, Group, Loader, ScrollArea, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconCopy, IconDeviceFloppy, IconPencil, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { StoredQuest } from '../../../../../shared/domain/quests';
import { ErrorState } from '../../../components/ErrorState';
import { KeyHint } from '../../../components/KeyHint';
import { describeError, fieldErrorsOf } from '../../../lib/errors';
import { useScreenKeys } from '../../../lib/keys';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useLeaveGuard } from '../../../lib/router';
import { ConflictCompare } from '../../items';
import { useQuest } from '../api/get-quest';
import { useDuplicateQuest, useSaveQuest } from '../api/save-quest';
import { blankQuestForm, firstErrors, isQuestFormDirty, questChanges, questConflictFields, questDraft, questFormFromStored, validateQuestForm, type QuestFormState } from '../quest-form';
import { DeleteQuestButton } from './DeleteQuestButton';
import { PackExportButton } from './PackExportButton';
import { QuestForm } from './QuestForm';
import { QuestJsonPanel } from './QuestJsonPanel';
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
  if (props.id !== 'new' && quest.isPending) return <Loader size="sm" m="md" />;
  if (props.id !== 'new' && quest.isError) return <ErrorState compact error={quest.error} onRetry={() => void quest.refetch()} what={`quest #${props.id}`} />;
  return <QuestEditorLoaded key={String(props.id)} {...props} stored={props.id === 'new' ? null : (quest.data ?? null)} />;
}

interface Conflict {
  current: StoredQuest;
  changedBy?: string;
  changedAt?: string;
}

function QuestEditorLoaded({ stored, tab, onTab, onSaved, onClose }: QuestEditorProps & { stored: StoredQuest | null }) {
  // The base is the row as opened; "save mine over theirs" moves it to theirs.
  const [base, setBase] = useState<StoredQuest | null>(stored);
  const initial = useMemo(() => (base ? questFormFromStored(base) : blankQuestForm()), [base]);
  const [state, setState] = useState<QuestFormState>(initial);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { create, update } = useSaveQuest();
  const duplicate = useDuplicateQuest();
  const dirty = isQuestFormDirty(initial, state);
  useLeaveGuard(dirty, 'This quest has unsaved changes. Leave and discard them?');

  // A live change while nothing is edited here: show the new version.
  useEffect(() => {
    if (stored && base && stored.version !== base.version && !dirty) {
      setBase(stored);
      setState(questFormFromStored(stored));
    }
  }, [stored, base, dirty]);

  const validation = validateQuestForm(state);
  const edited = questChanges(initial, state);
  // On a foreign row, what the game master did not touch is listed in the warning, not marked red.
  const shown = base?.shape === 'foreign' ? validation.issues.filter((i) => (i.path.split('.')[0] ?? '') in edited) : validation.issues;
  const errors = { ...firstErrors(shown), ...serverErrors };
  const draft = questDraft(state);
  const change = (update: (s: QuestFormState) => QuestFormState) => {
    setState(update);
    setServerErrors({});
  };

  // Told to the page once the saved state has rendered (and the leave guard is gone).
  const [justSaved, setJustSaved] = useState<StoredQuest | null>(null);
  useEffect(() => {
    if (justSaved && !dirty) {
      setJustSaved(null);
      onSaved(justSaved);
    }
  }, [justSaved, dirty, onSaved]);
  const afterSave = (saved: StoredQuest, message: string) => {
    notifySuccess(message, saved.name);
    setBase(saved);
    setState(questFormFromStored(saved));
    setJustSaved(saved);
  };
  const onSaveError = (error: unknown) => {
    const view = describeError(error);
    if (view.kind === 'conflict' && view.conflict?.current) {
      setConflict({ current: view.conflict.current as StoredQuest, changedBy: view.conflict.changedBy, changedAt: view.conflict.changedAt });
      return;
    }
    setServerErrors(fieldErrorsOf(error));
    notifyError(error, 'Could not save the quest');
  };
  const save = () => {
    if (!base) {
      if (!validation.definition) return notifyError(new Error('Fix the highlighted fields first.'), 'Could not create the quest');
      create.mutate(validation.definition, { onSuccess: (q) => afterSave(q, 'Quest created'), onError: onSaveError });
      return;
    }
    update.mutate({ id: base.id, version: base.version, changes: questChanges(initial, state) }, { onSuccess: (q) => afterSave(q, 'Quest saved'), onError: onSaveError });
  };
  const saving = create.isPending || update.isPending;
  // A valid quest must stay valid; raw JSON outside the contract needs its checkbox.
  const rawBlocked =
    (edited.requirements?.kind === 'raw' && validation.requirementsRawIssues.length > 0 && !state.allowForeign.requirements) ||
    (edited.rewards?.kind === 'raw' && validation.rewardsRawIssues.length > 0 && !state.allowForeign.rewards);
  const canSave = dirty && !saving && (base ? !rawBlocked : validation.definition !== null);

  useScreenKeys('Quest editor', [
    { keys: 'mod+s', label: 'Save the quest', run: () => canSave && save(), inInputs: true },
    { keys: 'escape', label: 'Close the editor', run: onClose },
  ]);

  const foreign = base?.shape === 'foreign' ? base.issues : [];

  return (
    <Stack gap={0} h="100%" data-testid="quest-editor">
      <Group justify="space-between" px="md" py="sm" wrap="nowrap" style={{ borderBottom: '1px solid var(--desk-border)' }}>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={3} lineClamp={1}>
            {state.name.trim() || 'New quest'}
          </Title>
          <Group gap={6}>
            <Badge size="xs" variant="outline" color="gray" tt="none" ff="monospace">
              {state.triggerEvent || 'no trigger'}
            </Badge>
            {base ? (
              <Text size="xs" c="dimmed">
                #{base.id}
              </Text>
            ) : null}
            {base?.shape === 'foreign' ? (
              <Badge size="xs" color="yellow" variant="light">
                foreign shape
              </Badge>
            ) : null}
            {dirty ? (
              <Badge size="xs" color="yellow" variant="dot">
                unsaved
              </Badge>
            ) : null}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {base ? (
            <>
              <Button
                variant="subtle"
                leftSection={<IconCopy size={14} />}
                loading={duplicate.isPending}
                onClick={() => duplicate.mutate({ id: base.id }, { onSuccess: (copy) => { notifySuccess('Quest duplicated', copy.name); onSaved(copy); } })}
              >
                Duplicate
              </Button>
              <PackExportButton questId={base.id} />
              <DeleteQuestButton quest={base} onDeleted={onClose} />
            </>
          ) : null}
          <Button leftSection={<IconDeviceFloppy size={14} />} rightSection={<KeyHint keys="mod+s" />} disabled={!canSave} loading={saving} onClick={save} data-testid="quest-save">
            {base ? 'Save' : 'Create'}
          </Button>
          <Button variant="subtle" color="gray" px={6} onClick={onClose} aria-label="Close the editor">
            <IconX size={16} />
          </Button>
        </Group>
      </Group>
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
                {foreign.length ? (
                  <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={16} />} title="Stored in a shape the quest contract does not know" data-testid="quest-foreign-warning">
                    <Text size="xs">
                      The bot (or a script) wrote this quest. It loads without loss and stays exactly as stored unless you edit it; what does not fit the form is shown as
                      JSON on the right.
                    </Text>
                    <Text size="xs" mt={4} ff="monospace">
                      {foreign.slice(0, 6).map((i) => `${i.path || 'quest'}: ${i.message}`).join(' · ')}
                    </Text>
                  </Alert>
                ) : null}
                <QuestForm state={state} onChange={change} errors={errors} questId={base?.id} />
              </Stack>
            </ScrollArea>
            <ScrollArea style={{ flex: '1 1 50%', minWidth: 0, borderLeft: '1px solid var(--desk-border)', background: 'var(--desk-chrome)' }}>
              <Stack gap="md" p="md">
                <Box>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
                    What players see
                  </Text>
                  <QuestPreviewCard
                    name={draft.name}
                    description={draft.description}
                    triggerEvent={draft.triggerEvent}
                    requirements={draft.requirements}
                    rewards={draft.rewards}
                    questId={base?.id}
                  />
                </Box>
                <Box>
                  <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={6}>
                    Raw JSON
                  </Text>
                  <QuestJsonPanel state={state} onChange={change} validation={validation} />
                </Box>
              </Stack>
            </ScrollArea>
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="stats" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          {base ? <QuestStatsTab questId={base.id} questName={base.name} /> : null}
        </Tabs.Panel>
      </Tabs>
      {conflict ? (
        <ConflictCompare
          opened
          what={`“${conflict.current.name}”`}
          changedBy={conflict.changedBy}
          changedAt={conflict.changedAt}
          fields={questConflictFields(state, conflict.current)}
          onClose={() => setConflict(null)}
          onTakeTheirs={() => {
            setBase(conflict.current);
            setState(questFormFromStored(conflict.current));
            setConflict(null);
          }}
          onKeepMine={() => {
            // My edits, re-based on their version: this save goes over theirs knowingly.
            const mine = state;
            const theirs = conflict.current;
            setConflict(null);
            setBase(theirs);
            setState(mine);
            update.mutate(
              { id: theirs.id, version: theirs.version, changes: questChanges(questFormFromStored(theirs), mine) },
              { onSuccess: (q) => afterSave(q, 'Quest saved over the other version'), onError: onSaveError },
            );
          }}
        />
      ) : null}
    </Stack>
  );
}
