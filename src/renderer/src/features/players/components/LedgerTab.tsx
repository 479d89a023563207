/** The player's currency and item ledgers, newest first, filtered by type, with the other party. */
import { Badge, Button, Center, Group, Loader, SegmentedControl, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import type { CurrencyLedgerEntry, ItemLedgerEntry, LedgerParty } from '@shared/domain/players';
import { Amount } from '@renderer/components/Amount';
import { Missing } from '@renderer/components/Missing';
import { EmptyState } from '@renderer/components/EmptyState';
import { LoadingOrError } from '@renderer/components/LoadingOrError';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { Snowflake } from '@renderer/components/Snowflake';
import { formatAmount } from '@renderer/lib/format';
import { useCurrencyLedger, useItemLedger, type LedgerKind } from '../api';
import classes from './players.module.css';

function Party({ party, onOpen }: { party: LedgerParty | null; onOpen(id: bigint): void }) {
  if (!party) return <Text size="xs" c="dimmed">—</Text>;
  if (party.username === null) return <Snowflake id={party.id} kind="user ID" size="xs" />;
  return (
    <Tooltip label={party.id.toString()}>
      <Text size="sm" component="button" type="button" onClick={() => onOpen(party.id)} className={classes.plainText} style={{ background: 'none', border: 0, padding: 0, color: 'var(--mantine-color-anchor)', cursor: 'pointer' }}>
        {party.username}
      </Text>
    </Tooltip>
  );
}

function TypeBadge({ type }: { type: string | null }) {
  if (type === null) return <Missing reason="no type recorded" />;
  return (
    <Badge variant="light" color={type.startsWith('STAFF_') ? 'aurora' : 'gray'} style={{ fontFamily: 'var(--mantine-font-family-monospace)', textTransform: 'none' }}>
      {type}
    </Badge>
  );
}

type LedgerEntry = CurrencyLedgerEntry | ItemLedgerEntry;

/** A row of either ledger: the item ledger's only adds the item and counts a quantity instead of coins. */
function LedgerRow({ entry, onOpenPlayer }: { entry: LedgerEntry; onOpenPlayer(id: bigint): void }) {
  const itemLedger = 'itemName' in entry;
  return (
    <Table.Tr data-testid="ledger-row" data-type={entry.type ?? ''}>
      <Table.Td>
        <RelativeTime value={entry.createdAt} />
      </Table.Td>
      <Table.Td>
        <TypeBadge type={entry.type} />
      </Table.Td>
      {itemLedger ? (
        <Table.Td>
          {entry.itemName === null ? (
            <Missing reason={entry.itemId === null ? 'no item recorded' : `item #${entry.itemId}: no name recorded`} />
          ) : (
            <Text size="sm" className={classes.plainText}>
              {entry.itemName}
            </Text>
          )}
        </Table.Td>
      ) : null}
      <Table.Td ta="right">
        <Amount value={'quantity' in entry ? entry.quantity : entry.amount} signed />
      </Table.Td>
      <Table.Td>
        <Party party={entry.relatedUser} onOpen={onOpenPlayer} />
      </Table.Td>
      <Table.Td title={entry.description ?? undefined}>
        <Text size="sm" lineClamp={2} className={classes.plainText}>
          {entry.description ?? '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function LedgerTab({ playerId, onOpenPlayer }: { playerId: bigint; onOpenPlayer(id: bigint): void }) {
  const [kind, setKind] = useState<LedgerKind>('currency');
  const [type, setType] = useState<string | null>(null);
  // The unfiltered first page carries the type counts for the filter; a filtered list is a second query.
  const allCurrency = useCurrencyLedger(playerId, null, kind === 'currency');
  const someCurrency = useCurrencyLedger(playerId, type, kind === 'currency' && type !== null);
  const allItems = useItemLedger(playerId, null, kind === 'items');
  const someItems = useItemLedger(playerId, type, kind === 'items' && type !== null);
  const currency = type ? someCurrency : allCurrency;
  const items = type ? someItems : allItems;
  const query = kind === 'currency' ? currency : items;
  const pages = query.data?.pages ?? [];
  const typeOptions = (kind === 'currency' ? allCurrency.data?.pages[0]?.types : allItems.data?.pages[0]?.types) ?? [];

  const header = (
    <Group gap="sm" px="md" py={8} style={{ borderBottom: '1px solid var(--desk-border)' }}>
      <SegmentedControl
        value={kind}
        onChange={(value) => {
          setKind(value as LedgerKind);
          setType(null);
        }}
        data={[
          { value: 'currency', label: 'Coins' },
          { value: 'items', label: 'Items' },
        ]}
        data-testid="ledger-kind"
      />
      <Select
        placeholder="Every type"
        clearable
        value={type}
        onChange={setType}
        data={typeOptions.map((t) => ({ value: t.type, label: `${t.type} (${formatAmount(t.count)})` }))}
        w={220}
        aria-label="Filter by type"
        data-testid="ledger-type"
        comboboxProps={{ withinPortal: true }}
      />
      {query.isFetching && !query.isFetchingNextPage ? <Loader size={12} /> : null}
    </Group>
  );

  let body: React.ReactNode;
  if (!query.isSuccess) body = <LoadingOrError query={query} what="the ledger" compact />;
  else if (pages.every((p) => p.entries.length === 0))
    body = (
      <EmptyState compact icon={<IconReceipt size={18} />} title={type ? `No ${type} rows` : 'No ledger rows yet'}>
        {type ? 'Clear the type filter to see every row.' : kind === 'currency' ? 'Coins the player earns, spends or is given are recorded here.' : 'Items the player gains or loses are recorded here.'}
      </EmptyState>
    );
  else
    body = (
      <>
        <Table stickyHeader layout="fixed" data-testid="ledger-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={96}>When</Table.Th>
              <Table.Th w={136}>Type</Table.Th>
              {kind === 'items' ? <Table.Th w={160}>Item</Table.Th> : null}
              <Table.Th w={100} ta="right">
                {kind === 'currency' ? 'Amount' : 'Quantity'}
              </Table.Th>
              <Table.Th w={130}>Other party</Table.Th>
              <Table.Th>Description</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pages.flatMap((p): LedgerEntry[] => p.entries).map((entry) => (
              <LedgerRow key={entry.id.toString()} entry={entry} onOpenPlayer={onOpenPlayer} />
            ))}
          </Table.Tbody>
        </Table>
        {query.hasNextPage ? (
          <Center py="xs">
            <Button variant="subtle" size="compact-xs" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              Load older rows
            </Button>
          </Center>
        ) : null}
      </>
    );

  return (
    <>
      {header}
      {body}
    </>
  );
}
