/**
 * Every staff action on a player goes through two steps: fill in (what and why), then a review
 * that says exactly what will happen ("Take 500 coins from nyx (balance 1,200 → 700)") before
 * anything is written. A refusal keeps what was typed and says why beside the field.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { STAFF_REASON_MAX } from '@shared/domain/players';
import { describeError } from '@renderer/lib/errors';
import classes from '../components/players.module.css';

export interface ActionDialogProps {
  title: string;
  onClose(): void;
  /** The fields (besides the reason, which every action has). */
  children?: ReactNode;
  reason: string;
  onReasonChange(reason: string): void;
  /** The exact sentence of what will happen; null while the fields are incomplete. */
  summary: string | null;
  /** Why the review is not possible yet (shown under the fields). */
  blocker?: string | null;
  confirmLabel: string;
  destructive?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm(): void;
  /** Forget the last refusal (the staff member is changing the fields). */
  onDismissError(): void;
  testId?: string;
  /**
   * A refusal that names a field stays on the review (with the summary as reviewed) instead of
   * sending staff back to the fields: for refusals about what changed since the review.
   */
  refusalsOnReview?: boolean;
  /** Shown under the summary on review (e.g. what changed since). */
  reviewNote?: ReactNode;
  /** The step shown changed (the summary may hold what was reviewed). */
  onStepChange?(step: 'edit' | 'review'): void;
}

export function reasonError(reason: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length < 3) return 'Give a reason (at least 3 characters): it goes into the ledger and the audit log';
  if (trimmed.length > STAFF_REASON_MAX) return `Keep the reason under ${STAFF_REASON_MAX} characters`;
  return null;
}

export function ActionDialog(props: ActionDialogProps) {
  const { title, onClose, children, reason, onReasonChange, summary, blocker, confirmLabel, destructive, pending, error, onConfirm, onDismissError, testId } =
    props;
  const { refusalsOnReview = false, reviewNote, onStepChange } = props;
  const [step, setStep] = useState<'edit' | 'review'>('edit');
  const [touched, setTouched] = useState(false);
  const view = error ? describeError(error) : null;
  const serverReasonError = view?.fieldErrors.reason?.[0];
  const localReasonError = touched ? reasonError(reason) : null;
  const canReview = summary !== null && !blocker && reasonError(reason) === null;
  // Field errors send the staff member back to the fields; anything else is shown on review.
  const showStep = view && Object.keys(view.fieldErrors).length > 0 && !(refusalsOnReview && step === 'review') ? 'edit' : step;
  const go = (next: 'edit' | 'review') => {
    setStep(next);
    onStepChange?.(next);
  };

  const review = () => {
    setTouched(true);
    if (!canReview) return;
    onDismissError();
    go('review');
  };

  return (
    <Modal opened onClose={onClose} title={title} size="md" data-testid={testId}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (showStep === 'edit') review();
          else if (!pending) onConfirm();
        }}
      >
        {showStep === 'edit' ? (
          <Stack gap="sm">
            {children}
            <Textarea
              label="Reason"
              description="Required. Recorded in the ledger and the audit log, with your name."
              value={reason}
              onChange={(event) => onReasonChange(event.currentTarget.value)}
              onBlur={() => setTouched(true)}
              error={serverReasonError ?? localReasonError}
              autosize
              minRows={2}
              maxRows={5}
              maxLength={STAFF_REASON_MAX + 50}
              data-testid="action-reason"
              data-autofocus={children ? undefined : true}
            />
            {blocker ? (
              <Text size="xs" c="dimmed">
                {blocker}
              </Text>
            ) : null}
            {view && Object.keys(view.fieldErrors).length > 0 ? (
              <Alert color="red" icon={<IconAlertTriangle size={16} />} p="xs">
                <span className={classes.plainText}>{view.message}</span>
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={touched && !canReview} data-testid="action-review">
                Review…
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <div className={classes.confirm} data-testid="action-summary">
              <Text fw={600} className={classes.plainText}>
                {summary}
              </Text>
              <Text size="xs" c="dimmed" mt={4} className={classes.plainText}>
                Reason: {reason.trim()}
              </Text>
            </div>
            {reviewNote}
            {view ? (
              <Alert color={view.kind === 'conflict' ? 'yellow' : 'red'} icon={<IconAlertTriangle size={16} />}
                title={refusalsOnReview && view.kind === 'validation' ? 'Refused: nothing was changed' : view.title}
                p="xs"
                data-testid="action-error"
              >
                <span className={classes.plainText}>{view.message}</span>
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="xs">
              <Button
                variant="default"
                onClick={() => {
                  onDismissError();
                  go('edit');
                }}
                disabled={pending}
              >
                Back
              </Button>
              <Button type="submit" color={destructive ? 'red' : undefined} loading={pending} data-autofocus data-testid="action-confirm">
                {confirmLabel}
              </Button>
            </Group>
          </Stack>
        )}
      </form>
    </Modal>
  );
}
