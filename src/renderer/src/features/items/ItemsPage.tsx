import { IconDiamond } from '@tabler/icons-react';
import { Page } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { useScreenKeys } from '../../lib/keys';
import { navigate } from '../../lib/router';
import { AuthoringSplit, NewRowButton, useEditingTarget } from '../authoring';
import { ItemEditor } from './components/ItemEditor';
import { ItemList } from './components/ItemList';

/** The catalogue on the left, the item being edited on the right (#/items/<id> or #/items/new). */
export function ItemsPage() {
  const editing = useEditingTarget();
  const open = (id: number | 'new') => navigate({ area: 'items', rest: [String(id)] });
  useScreenKeys('Items', [{ keys: 'n', label: 'New item', run: () => open('new') }]);

  return (
    <Page testId="items-page">
      <PageHeader
        title="Items"
        description="The item catalogue: rarity, type, price and what each item does."
        icon={IconDiamond}
        actions={<NewRowButton noun="item" onClick={() => open('new')} />}
      />
      <AuthoringSplit
        // The catalogue takes the whole width until an item is open.
        listWidth={editing === null ? 'fill' : 540}
        list={<ItemList selectedId={typeof editing === 'number' ? editing : null} onOpen={open} />}
        editor={
          editing !== null ? (
            <ItemEditor id={editing} onSaved={(item) => navigate({ area: 'items', rest: [String(item.id)] }, { replace: true })} onClose={() => navigate({ area: 'items' })} />
          ) : null
        }
      />
    </Page>
  );
}
