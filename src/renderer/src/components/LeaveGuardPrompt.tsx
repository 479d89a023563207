import { Button, Group, Modal, Text } from '@mantine/core';
import { usePendingLeave } from '../lib/router';

/** Asks before a route change would throw away unsaved edits (see useLeaveGuard). */
export function LeaveGuardPrompt() {
  const pending = usePendingLeave();
  return (
    <Modal opened={pending !== null} onClose={() => pending?.stay()} title="Leave without saving?" size="sm">
      <Text size="sm">{pending?.message}</Text>
      <Group justify="flex-end" gap="xs" mt="md">
        <Button variant="default" onClick={() => pending?.stay()} data-autofocus>
          Stay
        </Button>
        <Button color="red" onClick={() => pending?.proceed()}>
          Leave and discard
        </Button>
      </Group>
    </Modal>
  );
}
