import { Button, Checkbox, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { DiscordStatus } from '@shared/domain/discord';
import type { BulkResolveResult, CaseSummary } from '@shared/domain/moderation';
import { KeyHint } from '@renderer/components/KeyHint';
import { useBulkResolve } from '../api';
import { ActionError } from './ConflictNotice';
import { liftText } from './describe-case';

export interface BulkResolveDialogProps {
  cases: CaseSummary[] | null;
  discord: DiscordStatus | undefined;
  onClose(): void;
  /** After the resolve, with the cases it resolved. */
  onDone(resolved: bigint[]): void;
}

/** Resolve the selected cases with one reason; reports the ones someone else resolved first. */
export function BulkResolveDialog({ cases, discord, onClose, onDone }: BulkResolveDialogProps) {
  const bulk = useBulkResolve();
  const [reason, setReason] = useState('');
  const [lift, setLift] = useState(false);
  const [result, setResult] = useState<BulkResolveResult | null>(null);
  // The result takes the focus on its Done button: Enter closes it, as Escape does.
  const done = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!result) return;
    done.current?.focus();
    // Wherever the focus went meanwhile, Enter closes the result.
    const onEnter = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onEnter);
    return () => window.removeEventListener('keydown', onEnter);
  }, [result, onClose]);
  useEffect(() => {
    setResult(null);
    bulk.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cases]);
  if (!cases) return <Modal opened={false} onClose={onClose} />;
  const liftable = cases.filter((c) => liftText(c.type));
  const submit = () =>
    bulk.mutate(
      { cases: cases.map((c) => ({ id: c.id, expected: c.seen })), reason: reason.trim(), liftOnDiscord: lift },
      {
        onSuccess(done) {
          setResult(done);
          setReason('');
          onDone(done.resolved.map((c) => c.id));
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={`Resolve ${cases.length} case${cases.length === 1 ? '' : 's'}`} size="lg" data-testid="bulk-dialog">
      {result ? (
        <Stack gap="sm">
          <Text size="sm">
            Resolved {result.resolved.length} case{result.resolved.length === 1 ? '' : 's'}.
            {result.skipped.length ? ` Skipped ${result.skipped.length}:` : ''}
          </Text>
          {result.skipped.length ? (
            <List size="sm" spacing={2}>
              {result.skipped.map((s) => (
                <List.Item key={s.id.toString()}>
                  <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.caseId ?? `#${s.id}`}: {s.reason}
                  </Text>
                </List.Item>
              ))}
            </List>
          ) : null}
          {result.discord.some((d) => !d.outcome.ok && !d.outcome.unknown) ? (
            <Text size="xs" c="yellow">
              Discord did not lift {result.discord.filter((d) => !d.outcome.ok && !d.outcome.unknown).length} of them; each case says why.
            </Text>
          ) : null}
          {result.discord.some((d) => d.outcome.unknown) ? (
            <Text size="xs" c="orange">
              Discord's outcome is unknown for {result.discord.filter((d) => d.outcome.unknown).length} of them: those cases say so, and <KeyHint keys="d" /> on one asks Discord again.
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button ref={done} onClick={onClose} data-testid="bulk-done" rightSection={<KeyHint keys="enter" />}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            Resolve {cases.length} active case{cases.length === 1 ? '' : 's'} ({cases.map((c) => c.caseId).slice(0, 6).join(', ')}
            {cases.length > 6 ? `, and ${cases.length - 6} more` : ''}) with this reason, as you, now. Cases another moderator resolves meanwhile are skipped and listed.
          </Text>
          <Textarea label="Resolution reason" autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && reason.trim()) submit();
            }}
            data-autofocus
          />
          {liftable.length > 0 ? (
            discord?.configured ? (
              <Checkbox label={`Also lift on Discord the ${liftable.length} ban${liftable.length === 1 ? '' : 's'} or timeout${liftable.length === 1 ? '' : 's'} among them`} checked={lift} onChange={(e) => setLift(e.currentTarget.checked)} />
            ) : (
              <Text size="xs" c="dimmed">
                {discord?.reason} The {liftable.length} ban or timeout case{liftable.length === 1 ? '' : 's'} stay in place on Discord.
              </Text>
            )
          ) : null}
          <ActionError error={bulk.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="teal" onClick={submit} disabled={!reason.trim()} loading={bulk.isPending} rightSection={<KeyHint keys="mod+enter" />}>
              Resolve {cases.length} case{cases.length === 1 ? '' : 's'}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
