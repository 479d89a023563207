import { IconGift } from '@tabler/icons-react';
import { requestIntent, type PaletteAction } from '../../lib/palette';
import { navigate } from '../../lib/router';

/** The lootdrops screen puts the focus in its spawn form when it sees this intent. */
export const SPAWN_DROP_INTENT = 'lootdrops:spawn';

/** Actions the palette offers from any screen. */
export const lootdropPaletteActions: PaletteAction[] = [
  {
    id: 'lootdrops-spawn',
    group: 'Lootdrops',
    label: 'Spawn drop…',
    description: 'To the spawn form: channel, amount, lifetime',
    icon: <IconGift size={16} />,
    keywords: ['lootdrop', 'new drop', 'coins', 'event'],
    run: () => {
      navigate({ area: 'lootdrops', search: { tab: 'board' } });
      requestIntent(SPAWN_DROP_INTENT);
    },
  },
];
