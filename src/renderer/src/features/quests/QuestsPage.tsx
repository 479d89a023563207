import { Button } from '@mantine/core';
import { IconFileImport, IconScript } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { useScreenKeys } from '../../lib/keys';
import { navigate, useRoute } from '../../lib/router';
import { AuthoringSplit, NewRowButton, useEditingTarget } from '../authoring';
import { PackExportButton } from './components/PackExportButton';
import { PackImportModal } from './components/PackImportModal';
import { QuestEditor } from './components/QuestEditor';
import { QuestList } from './components/QuestList';

/** Quests on the left; the quest being written on the right (#/quests/<id>[?tab=stats] or #/quests/new). */
export function QuestsPage() {
  const route = useRoute();
  const editing = useEditingTarget();
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
        icon={IconScript}
        actions={
          <>
            <Button variant="default" leftSection={<IconFileImport size={14} />} onClick={() => setImporting(true)} data-testid="pack-import-open">
              Import
            </Button>
            <PackExportButton />
            <NewRowButton noun="quest" onClick={() => open('new')} />
          </>
        }
      />
      <AuthoringSplit
        listWidth={editing === null ? 560 : 420}
        list={<QuestList selectedId={typeof editing === 'number' ? editing : null} onOpen={(id) => open(id, tab)} />}
        editor={
          editing === null ? (
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
          )
        }
      />
      <PackImportModal opened={importing} onClose={() => setImporting(false)} />
    </Page>
  );
}
