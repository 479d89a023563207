/** Clear a timer, set the active flag, change class: each with its reason and exact summary. */
import { Select } from '@mantine/core';
import { playerName } from '../player-name';
import { useState } from 'react';
import type { PlayerProfile, TimerEntry } from '@shared/domain/players';
import { formatRelative } from '@renderer/lib/format';
import { notifySuccess } from '@renderer/lib/notify';
import { useChangeClass, useClassesOverview, useClearTimer, useSetActive } from '../api';
import { ActionDialog } from './ActionDialog';

export function ClearTimerDialog({ profile, timer, onClose }: { profile: PlayerProfile; timer: TimerEntry; onClose(): void }) {
  const clearTimer = useClearTimer();
  const [reason, setReason] = useState('');
  const left = timer.expiresAt === null ? 'no expiry recorded' : timer.expiresAt.getTime() > Date.now() ? `it would expire ${formatRelative(timer.expiresAt)}` : 'already expired';
  return (
    <ActionDialog
      title={`Clear a timer of ${playerName(profile)}`}
      testId="dialog-clear-timer"
      onClose={onClose}
      reason={reason}
      onReasonChange={setReason}
      summary={`Clear ${playerName(profile)}'s ${timer.type} timer “${timer.key}” (${left})`}
      confirmLabel="Clear timer"
      destructive
      pending={clearTimer.isPending}
      error={clearTimer.error}
      onDismissError={() => clearTimer.reset()}
      onConfirm={() =>
        clearTimer.mutate(
          { playerId: profile.id, type: timer.type, key: timer.key, reason: reason.trim() },
          {
            onSuccess: () => {
              notifySuccess(`Cleared ${timer.type} “${timer.key}”`, `${playerName(profile)} can use it again now.`);
              onClose();
            },
          },
        )
      }
    />
  );
}

export function SetActiveDialog({ profile, active, onClose }: { profile: PlayerProfile; active: boolean; onClose(): void }) {
  const setActive = useSetActive();
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      title={active ? `Mark ${playerName(profile)} active` : `Mark ${playerName(profile)} inactive`}
      testId="dialog-set-active"
      onClose={onClose}
      reason={reason}
      onReasonChange={setReason}
      summary={active ? `Mark ${playerName(profile)} active again` : `Mark ${playerName(profile)} inactive (is_active = false)`}
      confirmLabel={active ? 'Mark active' : 'Mark inactive'}
      destructive={!active}
      pending={setActive.isPending}
      error={setActive.error}
      onDismissError={() => setActive.reset()}
      onConfirm={() =>
        setActive.mutate(
          { playerId: profile.id, active, reason: reason.trim() },
          {
            onSuccess: (result) => {
              notifySuccess(
                `${playerName(profile)} is ${active ? 'active' : 'inactive'}`,
                result.changed ? undefined : 'It already was: nothing changed.',
              );
              onClose();
            },
          },
        )
      }
    />
  );
}

export function ChangeClassDialog({ profile, onClose }: { profile: PlayerProfile; onClose(): void }) {
  const changeClass = useChangeClass();
  const classes = useClassesOverview();
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const NONE = 'none';
  const current = profile.class;
  const options = [
    { value: NONE, label: 'No class' },
    ...(classes.data?.classes ?? []).map((c) => ({ value: c.id.toString(), label: `${c.name} · ${c.members} members` })),
  ].filter((o) => o.value !== (current?.id.toString() ?? NONE));
  const targetName = choice === null ? null : choice === NONE ? null : (classes.data?.classes.find((c) => c.id.toString() === choice)?.name ?? null);
  const summary =
    choice === null
      ? null
      : choice === NONE
        ? `Remove ${playerName(profile)}'s class (${current?.name ?? 'none'})`
        : `Move ${playerName(profile)} from ${current?.name ?? 'no class'} to ${targetName ?? `class ${choice}`}`;
  return (
    <ActionDialog
      title={`Change ${playerName(profile)}'s class`}
      testId="dialog-change-class"
      onClose={onClose}
      reason={reason}
      onReasonChange={setReason}
      summary={summary}
      blocker={choice === null ? 'Choose the new class.' : null}
      confirmLabel="Change class"
      pending={changeClass.isPending}
      error={changeClass.error}
      onDismissError={() => changeClass.reset()}
      onConfirm={() => {
        if (choice === null) return;
        changeClass.mutate(
          {
            playerId: profile.id,
            classId: choice === NONE ? null : BigInt(choice),
            // What was on screen: a change by someone else meanwhile is refused, not overwritten.
            expectedClassId: current?.id ?? null,
            reason: reason.trim(),
          },
          {
            onSuccess: () => {
              notifySuccess(`${playerName(profile)} is now ${targetName ? `a ${targetName}` : 'without a class'}`);
              onClose();
            },
          },
        );
      }}
    >
      <Select
        label="New class"
        description={`Now: ${current ? current.name : 'no class'}`}
        data={options}
        value={choice}
        onChange={setChoice}
        placeholder={classes.isPending ? 'Loading classes…' : 'Choose a class'}
        data-autofocus
        data-testid="action-class"
        comboboxProps={{ withinPortal: true }}
      />
    </ActionDialog>
  );
}
