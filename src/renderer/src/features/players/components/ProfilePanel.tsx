/** The open player: the header with the staff actions, then the tabs. */
import { Badge, Tabs } from '@mantine/core';
import { useState } from 'react';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { useScreenKeys } from '@renderer/lib/keys';
import { useIntent } from '@renderer/lib/palette';
import { usePlayerProfile } from '../api';
import { PlayerDialogs, type PlayerDialog } from '../dialogs/PlayerDialogs';
import { GRANT_INTENT } from '../palette';
import type { ProfileTab } from '../hooks/use-players-route';
import { AccountTab } from './AccountTab';
import { InventoryTab } from './InventoryTab';
import { LedgerTab } from './LedgerTab';
import { ModerationTab } from './ModerationTab';
import { ProfileHeader } from './ProfileHeader';
import { QuestsTab } from './QuestsTab';
import { TimersTab } from './TimersTab';
import classes from './players.module.css';

export interface ProfilePanelProps {
  playerId: bigint;
  tab: ProfileTab;
  onTab(tab: ProfileTab): void;
  onOpenPlayer(id: bigint): void;
  onClose(): void;
}

function Count({ n }: { n: number }) {
  return n > 0 ? (
    <Badge size="xs" variant="light" color="gray" ml={4}>
      {n}
    </Badge>
  ) : null;
}

/** A tab of the profile (`tab-<tab>`), with how many rows it lists where that is known up front. */
function ProfileTabButton({ tab, label, count }: { tab: ProfileTab; label: string; count?: number }) {
  return (
    <Tabs.Tab value={tab} data-testid={`tab-${tab}`}>
      {count === undefined ? (
        label
      ) : (
        <>
          {`${label} `}
          <Count n={count} />
        </>
      )}
    </Tabs.Tab>
  );
}

export function ProfilePanel({ playerId, tab, onTab, onOpenPlayer, onClose }: ProfilePanelProps) {
  const profile = usePlayerProfile(playerId);
  const [dialog, setDialog] = useState<PlayerDialog | null>(null);

  useIntent(GRANT_INTENT, () => setDialog({ kind: 'grantCurrency' }), profile.isSuccess);
  useScreenKeys('Player profile', [
    { keys: 'g', label: 'Grant coins…', run: () => profile.data && setDialog({ kind: 'grantCurrency' }) },
    { keys: 't', label: 'Take coins…', run: () => profile.data && setDialog({ kind: 'takeCurrency' }) },
    { keys: 'i', label: 'Grant an item…', run: () => profile.data && setDialog({ kind: 'grantItem' }) },
    { keys: 'c', label: 'Change class…', run: () => profile.data && setDialog({ kind: 'changeClass' }) },
    {
      keys: 'escape',
      label: 'Close the profile',
      // An Escape that closes a dialog never gets here (lib/keys.ts): it is the dialog's.
      run: onClose,
    },
  ]);

  if (!profile.isSuccess) return <LoadingOrError query={profile} what={`player ${playerId}`} />;
  const data = profile.data;

  return (
    <>
      <ProfileHeader profile={data} onAction={setDialog} />
      <Tabs value={tab} onChange={(value) => value && onTab(value as ProfileTab)} style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
        <Tabs.List px="md">
          <ProfileTabButton tab="inventory" label="Inventory" count={data.counts.itemKinds} />
          <ProfileTabButton tab="transactions" label="Transactions" />
          <ProfileTabButton tab="quests" label="Quests" count={data.counts.quests} />
          <ProfileTabButton tab="timers" label="Timers" count={data.counts.timers} />
          <ProfileTabButton tab="moderation" label="Moderation" count={data.counts.moderationCases} />
          <ProfileTabButton tab="account" label="Account" />
        </Tabs.List>
        {/* The open tab's panel (only it is mounted): what its tab's aria-controls names. */}
        <Tabs.Panel value={tab} className={classes.tabBody}>
          {tab === 'inventory' ? <InventoryTab playerId={data.id} onAction={setDialog} /> : null}
          {tab === 'transactions' ? <LedgerTab playerId={data.id} onOpenPlayer={onOpenPlayer} /> : null}
          {tab === 'quests' ? <QuestsTab playerId={data.id} /> : null}
          {tab === 'timers' ? <TimersTab playerId={data.id} onAction={setDialog} /> : null}
          {tab === 'moderation' ? <ModerationTab playerId={data.id} /> : null}
          {tab === 'account' ? <AccountTab profile={data} /> : null}
        </Tabs.Panel>
      </Tabs>
      <PlayerDialogs profile={data} dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
