import { IconPlus, IconScript } from '@tabler/icons-react';
import type { PaletteAction, PaletteSource } from '../../lib/palette';
import { navigate } from '../../lib/router';
import { useQuestSearch } from './api';

/** Ctrl+K finds quests by name or #id. */
export const questPaletteSource: PaletteSource = {
  id: 'quests',
  group: 'Quests',
  useResults(query: string): PaletteAction[] | undefined {
    const found = useQuestSearch(query, 6, query.length >= 2);
    if (query.length < 2) return [];
    return found.data?.quests.map((quest) => ({
      id: `quest:${quest.id}`,
      label: quest.name,
      description: `${quest.triggerEvent} · #${quest.id}`,
      icon: <IconScript size={16} stroke={1.7} />,
      run: () => navigate({ area: 'quests', rest: [String(quest.id)] }),
    }));
  },
};

/** Actions the palette offers from any screen. */
export const questPaletteActions: PaletteAction[] = [
  { id: 'quests-new', group: 'Quests', label: 'New quest', description: 'Write a quest from a blank form', icon: <IconPlus size={16} />, keywords: ['create', 'add', 'write'], run: () => navigate({ area: 'quests', rest: ['new'] }) },
];
