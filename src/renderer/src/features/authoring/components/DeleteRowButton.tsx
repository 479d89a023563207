import { Button, Group, Modal } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';

/**
 * Delete (`<noun>-delete`), then a confirmation that says what goes with the row. The modal mounts
 * its body only while it shows, so what the body asks the database is asked then, not before.
 */
export function DeleteRowButton({ noun, name, children }: { noun: string; name: string; children(close: () => void): ReactNode }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setOpen(true)} data-testid={`${noun}-delete`}>
        Delete
      </Button>
      <Modal opened={open} onClose={close} title={`Delete “${name}”?`}>
        {children(close)}
      </Modal>
    </>
  );
}

/** Cancel, and the red confirmation (`<noun>-delete-confirm`). */
export function DeleteConfirmFooter({ noun, label, loading, onCancel, onConfirm }: { noun: string; label: string; loading: boolean; onCancel(): void; onConfirm(): void }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button color="red" loading={loading} data-testid={`${noun}-delete-confirm`} onClick={onConfirm}>
        {label}
      </Button>
    </Group>
  );
}
