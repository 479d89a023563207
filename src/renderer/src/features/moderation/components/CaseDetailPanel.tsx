/**
 * The detail panel beside the list: the case's fields, the action buttons with their keys,
 * the target, the timeline and the metadata. Refreshed in place by live changes.
 */
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconEyeOff, IconHandStop, IconMessagePlus, IconPencil, IconUserX, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { DiscordStatus } from '@shared/domain/discord';
import type { CaseDetail } from '@shared/domain/moderation';
import type { StaffIdentity } from '@shared/identity';
import { EmptyState } from '@renderer/components/EmptyState';
import { ErrorState } from '@renderer/components/ErrorState';
import { KeyHint } from '@renderer/components/KeyHint';
import { Missing } from '@renderer/components/Missing';
import { RelativeTime } from '@renderer/components/RelativeTime';
import { Snowflake } from '@renderer/components/Snowflake';
import { formatUtc } from '@renderer/lib/format';
import { hrefFor } from '@renderer/lib/router';
import { CaseTimeline } from './CaseTimeline';
import { CaseTypeBadge } from './CaseTypeBadge';
import { DiscordPendingNotice } from './DiscordPendingNotice';
import { MetadataView } from './MetadataView';
import { TargetCard } from './TargetCard';
import { DeskPlaceActions } from '@renderer/components/DeskPlaceActions';
import { caseName, isOpen } from './describe-case';
import classes from './moderation.module.css';

export type CaseAction = 'resolve' | 'reopen' | 'note' | 'claim' | 'unclaim' | 'edit';

export interface CaseDetailPanelProps {
  detail: CaseDetail | undefined;
  /** The queue's name when the open case is not among its rows (resolved, filtered out…). */
  notInView: string | null;
  isLoading: boolean;
  error: unknown;
  onRetry(): void;
  me: StaffIdentity | null;
  onAction(action: CaseAction): void;
  onOpenCase(id: bigint): void;
  onClose(): void;
  busy: boolean;
  discord: DiscordStatus | undefined;
  onRetryDiscord(key: string): void;
  retryingDiscord: boolean;
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className={classes.section} data-testid={testId}>
      <div className={classes.sectionTitle}>{title}</div>
      {children}
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" w={88} style={{ flex: 'none' }}>
        {label}
      </Text>
      <div style={{ minWidth: 0, flex: 1 }}>{children}</div>
    </Group>
  );
}

function Person({ name, id, kind, href, now }: { name: string | null; id: bigint | null; kind: string; href?: string; now?: string | null }) {
  return (
    <Group gap={6} wrap="nowrap">
      {href && name ? (
        <Anchor href={href} size="sm" fw={500} data-testid="target-profile-link" title="Open their player profile">
          {name}
        </Anchor>
      ) : (
        <Text size="sm" fw={500} c={name ? undefined : 'dimmed'}>
          {name ?? '(no name)'}
        </Text>
      )}
      {now && now !== name ? (
        <Text size="xs" c="dimmed" title="The latest name this ID used on a case">
          (now {now})
        </Text>
      ) : null}
      {id === null ? <Missing reason={`no ${kind} recorded`} size="xs" /> : <Snowflake id={id} kind={kind} size="xs" />}
    </Group>
  );
}

export function CaseDetailPanel({ detail, notInView, isLoading, error, onRetry, me, onAction, onOpenCase, onClose, busy, discord, onRetryDiscord, retryingDiscord }: CaseDetailPanelProps) {
  if (error) return <ErrorState error={error} onRetry={onRetry} what="this case" compact />;
  if (!detail) {
    return isLoading ? (
      <Stack align="center" py="xl">
        <Loader size="sm" />
      </Stack>
    ) : (
      <EmptyState compact title="No case selected">
        Pick a case with <KeyHint keys="j" /> / <KeyHint keys="k" /> and <KeyHint keys="enter" />, or click one.
      </EmptyState>
    );
  }
  const c = detail.summary;
  const open = isOpen(c);
  const claimedByMe = c.claim !== null && me !== null && c.claim.by.id === me.id;
  const button = (action: CaseAction, label: string, keys: string, icon: ReactNode, color?: string) => (
    <Button size="xs" variant={action === 'resolve' ? 'filled' : 'default'} color={color} leftSection={icon} rightSection={<KeyHint keys={keys} />} onClick={() => onAction(action)} disabled={busy} data-testid={`action-${action}`}>
      {label}
    </Button>
  );
  return (
    <Stack gap={0} data-testid="case-detail" data-case-id={caseName(c)}>
      <div className={classes.section}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap={8} wrap="nowrap">
              <CaseTypeBadge type={c.type} size="md" />
              <Title order={3} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {caseName(c)}
              </Title>
              {c.active === null ? (
                <Tooltip label="The database holds no active flag for this case (NULL); resolving it records one.">
                  <Badge color="gray" variant="light" data-testid="case-status" data-status="unrecorded">
                    State not recorded
                  </Badge>
                </Tooltip>
              ) : (
                <Badge color={c.active ? 'yellow' : 'teal'} variant="light" data-testid="case-status" data-status={c.active ? 'active' : 'resolved'}>
                  {c.active ? 'Active' : 'Resolved'}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {c.claim ? `Claimed by ${claimedByMe ? 'you' : (c.claim.by.name ?? c.claim.by.id.toString())} · ` : ''}#{c.id.toString()} · opened {c.createdAt ? formatUtc(c.createdAt) : 'at no recorded time'}
            </Text>
          </Stack>
          <Tooltip label="Close (Esc)">
            <ActionIcon onClick={onClose} aria-label="Close the case">
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap={6} mt="sm">
          {open ? button('resolve', 'Resolve', 'r', <IconCheck size={14} />, 'teal') : button('reopen', 'Reopen', 'shift+r', <IconArrowBackUp size={14} />)}
          {button('note', 'Note', 'n', <IconMessagePlus size={14} />)}
          {open ? (claimedByMe ? button('unclaim', 'Unclaim', 'c', <IconUserX size={14} />) : button('claim', c.claim ? 'Take over' : 'Claim', 'c', <IconHandStop size={14} />)) : null}
          {button('edit', 'Edit reason', 'e', <IconPencil size={14} />)}
          <DeskPlaceActions place={{ kind: 'case', id: c.id.toString() }} popOut />
        </Group>
        {notInView ? (
          <Alert color="gray" variant="light" icon={<IconEyeOff size={16} />} p="xs" mt="sm" data-testid="not-in-view">
            <Text size="xs">
              Not in this view: {caseName(c)} is not among the {notInView} cases{open ? ' with these filters' : ` (it is ${c.active === false ? 'resolved' : 'not active'})`}. Esc closes it.
            </Text>
          </Alert>
        ) : null}
        <DiscordPendingNotice pending={c.discordPending} discord={discord} retrying={retryingDiscord} onRetry={onRetryDiscord} />
      </div>
      <Section title="Case">
        <Stack gap={6}>
          <Field label="Target">
            <Person name={c.username ?? (detail.target.kind === 'player' ? c.userId?.toString() ?? null : null)} id={c.userId} kind="user ID" href={c.userId !== null && detail.target.kind === 'player' ? hrefFor({ area: 'players', search: { player: c.userId.toString() } }) : undefined} />
          </Field>
          <Field label="Moderator">
            <Person name={c.moderatorName} id={c.moderatorId} kind="moderator ID" now={c.moderatorCurrentName} />
          </Field>
          <Field label="Opened">
            <RelativeTime value={c.createdAt} empty="(no time recorded)" />
          </Field>
          <Field label="Reason">
            <Text size="sm" className={classes.plainText} c={detail.reason ? undefined : 'dimmed'} data-testid="case-reason">
              {detail.reason ?? 'No reason given'}
            </Text>
          </Field>
          {!open ? (
            <>
              <Field label="Resolved">
                <RelativeTime value={c.resolvedAt} empty="(no time recorded)" />
              </Field>
              <Field label="Resolved by">{c.resolvedBy !== null ? <Person name={detail.resolvedByName} id={c.resolvedBy} kind="resolver ID" /> : <Text size="sm" c="dimmed">not recorded</Text>}</Field>
              <Field label="Resolution">
                <Text size="sm" className={classes.plainText} c={detail.resolvedReason ? undefined : 'dimmed'}>
                  {detail.resolvedReason ?? 'No reason given'}
                </Text>
              </Field>
            </>
          ) : null}
        </Stack>
      </Section>
      <Section title={`Target: ${c.username ?? c.userId?.toString() ?? 'not recorded'}`}>
        <TargetCard detail={detail} onOpenCase={onOpenCase} />
      </Section>
      <Section title="Timeline">
        <CaseTimeline entries={detail.timeline} />
      </Section>
      <Section title="Metadata">
        <MetadataView detail={detail} />
      </Section>
    </Stack>
  );
}
