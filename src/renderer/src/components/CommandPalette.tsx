import { Group, Text } from '@mantine/core';
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AreaDefinition } from '../lib/areas';
import { labelMatches, matchesQuery, useMountedPaletteActions, type PaletteAction, type PaletteSource } from '../lib/palette';
import { navigate } from '../lib/router';
import { KeyHint } from './KeyHint';

/** Runs one source's hook with the typed query and hands its results up. */
function SourceRunner({ source, query, onResults }: { source: PaletteSource; query: string; onResults(id: string, actions: PaletteAction[]): void }) {
  const active = query.length >= (source.minQuery ?? 2);
  const results = source.useResults(active ? query : '');
  useEffect(() => {
    onResults(source.id, active ? (results ?? []) : []);
  }, [source.id, active, results, onResults]);
  return null;
}

function signature(actions: PaletteAction[]): string {
  return actions.map((a) => `${a.id}\u0000${a.label}\u0000${a.description ?? ''}`).join('\u0001');
}

/** Ctrl/Cmd+K: go anywhere, find anything, run what the current screen offers. */
export function CommandPalette({ areas }: { areas: AreaDefinition[] }) {
  const [query, setQuery] = useState('');
  const trimmed = query.trim();
  const mounted = useMountedPaletteActions();
  const [found, setFound] = useState<Record<string, PaletteAction[]>>({});
  const signatures = useRef(new Map<string, string>());
  const onResults = useCallback((id: string, actions: PaletteAction[]) => {
    const next = signature(actions);
    if (signatures.current.get(id) === next) return;
    signatures.current.set(id, next);
    setFound((previous) => ({ ...previous, [id]: actions }));
  }, []);

  const sources = useMemo(() => areas.flatMap((area) => area.paletteSources ?? []), [areas]);
  const navigation = useMemo<PaletteAction[]>(
    () =>
      areas.map((area, index) => {
        const Icon = area.icon;
        return {
          id: `go:${area.id}`,
          group: 'Go to',
          label: area.label,
          description: area.description,
          icon: <Icon size={16} stroke={1.7} />,
          keys: `alt+${index + 1}`,
          keywords: area.keywords,
          run: () => navigate(area.id),
        };
      }),
    [areas],
  );

  const groups = useMemo<SpotlightActionGroupData[]>(() => {
    const matching = [...navigation, ...areas.flatMap((area) => area.paletteActions ?? []), ...mounted].filter((action) => matchesQuery(action, trimmed));
    // "discord" finds Settings: Discord before the pages that only mention Discord.
    const listed = trimmed ? [...matching.filter((a) => labelMatches(a, trimmed)), ...matching.filter((a) => !labelMatches(a, trimmed))] : matching;
    const fromSources = sources.flatMap((source) => (found[source.id] ?? []).map((action) => ({ ...action, group: action.group ?? source.group })));
    const byGroup = new Map<string, PaletteAction[]>();
    for (const action of [...fromSources, ...listed]) {
      const group = action.group ?? 'Actions';
      byGroup.set(group, [...(byGroup.get(group) ?? []), action]);
    }
    return [...byGroup.entries()].map(([group, actions]) => ({
      group,
      actions: actions.map((action) => ({
        id: `${group}:${action.id}`,
        label: action.label,
        description: action.description,
        leftSection: action.icon ?? <IconArrowRight size={16} stroke={1.7} />,
        rightSection: action.keys ? <KeyHint keys={action.keys} /> : undefined,
        onClick: () => action.run(),
      })),
    }));
  }, [areas, mounted, navigation, sources, found, trimmed]);

  // Spotlight marks the first result as selected (for Enter) right after the query changes,
  // before the filtered results render: when they replace the old first row, nothing would be
  // selected and Enter would do nothing. Mark the first result again once they are in place.
  useLayoutEffect(() => {
    const list = document.querySelector('.mantine-Spotlight-actionsList');
    if (!list || list.querySelector('[data-selected]')) return;
    list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  }, [groups]);

  return (
    <>
      {sources.map((source) => (
        <SourceRunner key={source.id} source={source} query={trimmed} onResults={onResults} />
      ))}
      <Spotlight
        actions={groups}
        query={query}
        onQueryChange={setQuery}
        // Already filtered above; database matches are shown as the source returned them.
        filter={(_query, actions) => actions}
        shortcut={['mod + K']}
        // Ctrl+K never types anything: it opens the palette from a search box or a form as well.
        tagsToIgnore={[]}
        // An action moves the focus itself (a dialog's field, the spawn form): closing the
        // palette must not take it back to where Ctrl+K was pressed.
        returnFocus={false}
        scrollable
        // The dialog's name for assistive technology; the search box says the rest on screen.
        title="Command palette"
        styles={{ header: { position: 'absolute', width: 1, height: 1, padding: 0, overflow: 'hidden', clipPath: 'inset(50%)' } }}
        maxHeight={440}
        // The results scroll; the arrows move through them from the box, Tab reaches the list.
        scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': 'Results' } }}
        size={560}
        nothingFound={
          <Group justify="center" gap={6}>
            <Text size="sm" c="dimmed">
              Nothing matches “{trimmed}”. Try a name, an ID, or a page.
            </Text>
          </Group>
        }
        searchProps={{ leftSection: <IconSearch size={16} stroke={1.7} />, placeholder: 'Go to a page, find a player, case, quest or item…' }}
      />
    </>
  );
}
