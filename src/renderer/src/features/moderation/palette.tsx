import { IconShieldHalf } from '@tabler/icons-react';
import type { PaletteAction, PaletteSource } from '../../lib/palette';
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
