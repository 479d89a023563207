import { Box, Button, Group } from '@mantine/core';
import { IconFileImport, IconPlus, IconScript } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { KeyHint } from '../../components/KeyHint';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { useScreenKeys } from '../../lib/keys';
import { navigate, useRoute } from '../../lib/router';
import { PackExportButton } from './components/PackExportButton';
import { PackImportModal } from './components/PackImportModal';
import { QuestEditor } from './components/QuestEditor';
import { QuestList } from './components/QuestList';

/** Quests on the left; the quest being written on the right (#/quests/<id>[?tab=stats] or #/quests/new). */
export function QuestsPage() {
  const route = useRoute();
  const target = route.rest[0];
  const editing: number | 'new' | null = target === 'new' ? 'new' : target && /^\d+$/.test(target) ? Number(target) : null;
  const tab = route.search.get('tab') === 'stats' ? 'stats' : 'edit';
  const [importing, setImporting] = useState(false);
  const open = (id: number | 'new', nextTab: 'edit' | 'stats' = 'edit', replace = false) =>
    navigate({ area: 'quests', rest: [String(id)], search: nextTab === 'stats' ? { tab: 'stats' } : undefined }, { replace });
  useScreenKeys('Quests', [{ keys: 'n', label: 'New quest', run: () => open('new') }]);

  return (
    <Page testId="quests-page">
      <PageHeader
        title="Quests"
        description="Write quests, check them against the bot's contract, and preview them the way players will see them."
        icon={<IconScript size={20} stroke={1.6} />}
        actions={
          <>
            <Button variant="default" leftSection={<IconFileImport size={14} />} onClick={() => setImporting(true)} data-testid="pack-import-open">
              Import
            </Button>
            <PackExportButton />
            <Button leftSection={<IconPlus size={14} />} rightSection={<KeyHint keys="n" />} onClick={() => open('new')} data-testid="quest-new">
              New quest
            </Button>
          </>
        }
      />
      <Group gap={0} align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Box w={editing === null ? 560 : 420} style={{ flex: 'none', minWidth: 0, borderRight: '1px solid var(--desk-border)' }}>
          <QuestList selectedId={typeof editing === 'number' ? editing : null} onOpen={(id) => open(id, tab)} />
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }}>
          {editing === null ? (
            <EmptyState icon={<IconScript size={22} />} title="Pick a quest to edit">
              Choose one on the left (J/K and Enter work too), or write a new one with New quest.
            </EmptyState>
          ) : (
            <QuestEditor
              id={editing}
              tab={tab}
              onTab={(t) => typeof editing === 'number' && open(editing, t, true)}
              onSaved={(quest) => open(quest.id, tab, editing === 'new' || editing === quest.id)}
              onClose={() => navigate({ area: 'quests' })}
            />
          )}
        </Box>
      </Group>
      <PackImportModal opened={importing} onClose={() => setImporting(false)} />
    </Page>
  );
}
