import { IconPlus, IconShieldHalf } from '@tabler/icons-react';
import { requestIntent, type PaletteAction, type PaletteSource } from '../../lib/palette';
import { navigate } from '../../lib/router';
import { useCaseLookup } from './api';
import { caseName } from './components/describe-case';

/** Ctrl+K jumps to a case by its case ID (A-000123, D-…) or its row number. */
export const casePaletteSource: PaletteSource = {
  id: 'moderation-cases',
  group: 'Moderation cases',
  useResults(query: string): PaletteAction[] | undefined {
    const q = query.trim();
    const found = useCaseLookup(q, q.length >= 2);
    if (q.length < 2) return [];
    if (!found.data) return undefined;
    return found.data.map((c) => ({
      id: `case:${c.id}`,
      label: `${caseName(c)} · ${c.type ?? 'no type'}`,
      description: `${c.username ?? c.userId?.toString() ?? 'no target recorded'} · ${c.active === null ? 'state not recorded' : c.active ? 'active' : 'resolved'}${c.reasonExcerpt ? ` · ${c.reasonExcerpt.slice(0, 60)}` : ''}`,
      icon: <IconShieldHalf size={16} stroke={1.7} />,
      keywords: [c.caseId, c.id.toString(), c.userId?.toString()].filter((k): k is string => Boolean(k)),
      run: () => navigate({ area: 'moderation', rest: ['recent'], search: { case: c.id.toString() } }),
    }));
  },
};

/** The moderation screen opens its "Open a case" dialog when it sees this intent. */
export const OPEN_CASE_INTENT = 'moderation:open-case';

/** Actions the palette offers from any screen. */
export const moderationPaletteActions: PaletteAction[] = [
  {
    id: 'moderation-open-case',
    group: 'Moderation',
    label: 'Open case…',
    description: 'Record a warn, timeout, kick, ban or note against a member',
    icon: <IconPlus size={16} />,
    keys: 'o',
    keywords: ['new case', 'warn', 'ban', 'kick', 'timeout', 'mute'],
    run: () => {
      navigate({ area: 'moderation', rest: ['active'] });
      requestIntent(OPEN_CASE_INTENT);
    },
  },
];
