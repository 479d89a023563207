import { Box, Button, Group } from '@mantine/core';
import { IconDiamond, IconPlus } from '@tabler/icons-react';
import { KeyHint } from '../../components/KeyHint';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { useScreenKeys } from '../../lib/keys';
import { navigate, useRoute } from '../../lib/router';
import { ItemEditor } from './components/ItemEditor';
import { ItemList } from './components/ItemList';

/** The catalogue on the left, the item being edited on the right (#/items/<id> or #/items/new). */
export function ItemsPage() {
  const route = useRoute();
  const target = route.rest[0];
  const editing: number | 'new' | null = target === 'new' ? 'new' : target && /^\d+$/.test(target) ? Number(target) : null;
  const open = (id: number | 'new') => navigate({ area: 'items', rest: [String(id)] });
  useScreenKeys('Items', [{ keys: 'n', label: 'New item', run: () => open('new') }]);

  return (
    <Page testId="items-page">
      <PageHeader
        title="Items"
        description="The item catalogue: rarity, type, price and what each item does."
        icon={<IconDiamond size={20} stroke={1.6} />}
        actions={
          <Button leftSection={<IconPlus size={14} />} rightSection={<KeyHint keys="n" />} onClick={() => open('new')} data-testid="item-new">
            New item
          </Button>
        }
      />
      <Group gap={0} align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Box w={editing === null ? '100%' : 540} style={{ flex: editing === null ? 1 : 'none', minWidth: 0, borderRight: '1px solid var(--desk-border)' }}>
          <ItemList selectedId={typeof editing === 'number' ? editing : null} onOpen={open} />
        </Box>
        {editing !== null ? (
          <Box style={{ flex: 1, minWidth: 0 }}>
            <ItemEditor id={editing} onSaved={(item) => navigate({ area: 'items', rest: [String(item.id)] }, { replace: true })} onClose={() => navigate({ area: 'items' })} />
          </Box>
        ) : null}
      </Group>
    </Page>
  );
}

