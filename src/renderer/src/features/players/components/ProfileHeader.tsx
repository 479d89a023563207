/** The profile as a header: who the player is, what they hold, and the staff actions. */
import { Badge, Button, Group, Menu, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronDown, IconCoin, IconCoinOff, IconGift, IconShield, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { PlayerProfile } from '@shared/domain/players';
import { Amount } from '@renderer/components/Amount';
import { DeskPlaceActions } from '@renderer/components/DeskPlaceActions';
import { Missing } from '@renderer/components/Missing';
import { KeyHint } from '@renderer/components/KeyHint';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { Snowflake } from '@renderer/components/Snowflake';
import { formatAmount } from '@renderer/lib/format';
import type { PlayerDialog } from '../dialogs/PlayerDialogs';
import classes from './players.module.css';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className={classes.fact} data-testid={testId}>
      <span className={classes.factLabel}>{label}</span>
      <span className={classes.factValue}>{children}</span>
    </div>
  );
}

export function ProfileHeader({ profile, onAction }: { profile: PlayerProfile; onAction(dialog: PlayerDialog): void }) {
  return (
    <div className={classes.profileHeader} data-testid="player-profile">
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <Title order={2} className={classes.plainText} style={{ minWidth: 0 }} data-testid="player-name">
            {profile.username ?? (
              <Tooltip label={`No username recorded (NULL): the player is named by Discord ID, ${profile.id}`}>
                <Text span inherit c="dimmed">
                  No username
                </Text>
              </Tooltip>
            )}
          </Title>
          {profile.isActive === null ? (
            <Tooltip label="The database holds no active flag for this player (NULL)">
              <Badge color="gray" variant="light">
                Activity not recorded
              </Badge>
            </Tooltip>
          ) : profile.isActive ? (
            <Badge color="teal">Active</Badge>
          ) : (
            <Badge color="gray" variant="outline">
              Inactive
            </Badge>
          )}
          {profile.class ? (
            <Badge color="aurora" leftSection={<IconShield size={11} />}>
              {profile.class.name}
            </Badge>
          ) : (
            <Badge color="gray" variant="outline">
              No class
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Tooltip label={<Group gap={4}>Grant coins <KeyHint keys="g" /></Group>}>
            <Button variant="light" leftSection={<IconCoin size={14} />} onClick={() => onAction({ kind: 'grantCurrency' })} data-testid="action-grant-coins">
              Grant coins
            </Button>
          </Tooltip>
          <Tooltip label={<Group gap={4}>Take coins <KeyHint keys="t" /></Group>}>
            <Button variant="default" leftSection={<IconCoinOff size={14} />} onClick={() => onAction({ kind: 'takeCurrency' })} data-testid="action-take-coins">
              Take coins
            </Button>
          </Tooltip>
          <Tooltip label={<Group gap={4}>Grant an item <KeyHint keys="i" /></Group>}>
            <Button variant="default" leftSection={<IconGift size={14} />} onClick={() => onAction({ kind: 'grantItem' })} data-testid="action-grant-item">
              Grant item
            </Button>
          </Tooltip>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" rightSection={<IconChevronDown size={14} />} data-testid="action-more">
                More
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconShield size={14} />} onClick={() => onAction({ kind: 'changeClass' })}>
                Change class…
              </Menu.Item>
              <Menu.Item
                leftSection={profile.isActive ? <IconUserOff size={14} /> : <IconUserCheck size={14} />}
                onClick={() => onAction({ kind: 'setActive', active: !profile.isActive })}
              >
                {profile.isActive ? 'Mark inactive…' : 'Mark active…'}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <div className={classes.facts}>
        <Fact label="Discord ID">
          <Group gap="md" wrap="nowrap" component="span">
            <Snowflake id={profile.id} kind="player ID" />
            <DeskPlaceActions place={{ kind: 'player', id: profile.id.toString() }} popOut />
          </Group>
        </Fact>
        <Fact label="Class">
          {profile.class ? (
            <Group gap={6} wrap="nowrap" component="span">
              <span>{profile.class.name}</span>
              {profile.class.roleId ? (
                <Text span c="dimmed" size="xs">
                  role <Snowflake id={profile.class.roleId} kind="role ID" size="xs" />
                </Text>
              ) : null}
            </Group>
          ) : (
            <Text span c="dimmed">
              none
            </Text>
          )}
        </Fact>
        <Fact label="Level">{profile.level ?? <Missing reason="no level recorded" />}</Fact>
        <Fact label="XP">{profile.xp === null ? <Missing reason="no XP recorded" /> : formatAmount(profile.xp)}</Fact>
        <Fact label="Balance" testId="player-balance">
          <Amount value={profile.balance} currency="coins" size="md" fw={600} missing="no balance recorded" />
        </Fact>
        <Fact label="Daily streak">{profile.dailyStreak === null ? <Missing reason="no streak recorded" /> : `${profile.dailyStreak} ${profile.dailyStreak === 1 ? 'day' : 'days'}`}</Fact>
        <Fact label="Joined">
          <RelativeTime value={profile.createdAt} size="md" empty="— (no date recorded)" />
        </Fact>
      </div>
    </div>
  );
}
