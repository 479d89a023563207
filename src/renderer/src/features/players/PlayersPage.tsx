/**
 * Players: the search box first, the results beside the open profile (header and tabs), and
 * two overviews, Classes and Economy. Where staff are lives in the route (hooks/use-players-route).
 */
import { SegmentedControl } from '@mantine/core';
import { IconUserSearch, IconUsers } from '@tabler/icons-react';
import { EmptyState } from '../../components/EmptyState';
import { KeyHint } from '../../components/KeyHint';
import { Page, PageBody } from '../../components/Page';
import { PageHeader } from '../../components/PageHeader';
import { usePaletteActions } from '../../lib/palette';
import { ClassesView } from './components/ClassesView';
import { EconomyView } from './components/EconomyView';
import { ProfilePanel } from './components/ProfilePanel';
import { SearchPane } from './components/SearchPane';
import classes from './components/players.module.css';
import { usePlayersRoute, type PlayerView } from './hooks/use-players-route';

const descriptions: Record<PlayerView, string> = {
  lookup: 'Find a player by username or Discord ID; grant or take coins and items with a reason.',
  classes: 'Every class with its Discord role, members and class bank.',
  economy: 'Coins in circulation, daily ledger volume by type, top holders and item supply.',
};

export function PlayersPage() {
  const route = usePlayersRoute();
  usePaletteActions([
    { id: 'players-classes', group: 'Players', label: 'Show the classes', keywords: ['class', 'roles', 'bank'], run: () => route.setView('classes') },
    { id: 'players-economy', group: 'Players', label: 'Show the economy overview', keywords: ['circulation', 'coins', 'supply', 'chart'], run: () => route.setView('economy') },
  ]);

  return (
    <Page testId="players-page">
      <PageHeader
        title="Players"
        description={descriptions[route.view]}
        icon={IconUsers}
        actions={
          <SegmentedControl
            value={route.view}
            onChange={(value) => route.setView(value as PlayerView)}
            data={[
              { value: 'lookup', label: 'Lookup' },
              { value: 'classes', label: 'Classes' },
              { value: 'economy', label: 'Economy' },
            ]}
            data-testid="players-view"
          />
        }
      />
      {route.view === 'lookup' ? (
        <div className={classes.split}>
          <SearchPane query={route.query} onQueryChange={route.setQuery} openId={route.playerId} onOpen={(id) => route.openPlayer(id)} />
          <div className={classes.detailPane}>
            {route.playerId === null ? (
              <EmptyState icon={<IconUserSearch size={22} />} title="Look up a player">
                Type part of a username or paste a Discord ID, then open a result (<KeyHint keys="enter" />). The profile shows class, level and
                balance, with the inventory, transactions, quests, timers and moderation history.
              </EmptyState>
            ) : (
              <ProfilePanel
                key={route.playerId.toString()}
                playerId={route.playerId}
                tab={route.tab}
                onTab={route.setTab}
                onOpenPlayer={(id) => route.openPlayer(id)}
                onClose={() => route.openPlayer(null)}
              />
            )}
          </div>
        </div>
      ) : (
        <PageBody padded={false}>{route.view === 'classes' ? <ClassesView /> : <EconomyView onOpenPlayer={(id) => route.openPlayer(id)} />}</PageBody>
      )}
    </Page>
  );
}
