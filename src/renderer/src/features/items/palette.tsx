import type { PaletteAction, PaletteSource } from '../../lib/palette';
import { navigate } from '../../lib/router';
import { useItemSearch } from './api';
import { ItemIcon } from './components/ItemIcon';

/** Ctrl+K finds items by name or #id. */
export const itemPaletteSource: PaletteSource = {
  id: 'items',
  group: 'Items',
  useResults(query: string): PaletteAction[] | undefined {
    const found = useItemSearch(query, 6, query.length >= 2);
    if (query.length < 2) return [];
    return found.data?.items.map((item) => ({
      id: `item:${item.id}`,
      label: item.name,
      description: `${item.rarity} ${item.type.toLowerCase()} · #${item.id}`,
      icon: <ItemIcon url={item.iconUrl} type={item.type} rarity={item.rarity} size={16} />,
      run: () => navigate({ area: 'items', rest: [String(item.id)] }),
    }));
  },
};
